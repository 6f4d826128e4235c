import { useNavigation } from '@remix-run/react'
import { useEffect, useRef, useState } from 'react'

/**
 * A key for a create form that changes only when the form's own post went
 * through (the action redirected, so no action data came back): the form
 * starts empty again. The event's pages refetch their data as the event
 * changes, and a form keyed on that data would lose what the reader is typing.
 */
export function useFormGeneration(intent: string, failed: boolean): number {
  const navigation = useNavigation()
  const [generation, setGeneration] = useState(0)
  const posting = useRef(false)
  const submitting = navigation.state !== 'idle' && navigation.formData?.get('intent') === intent
  useEffect(() => {
    if (submitting) {
      posting.current = true
    } else if (posting.current && navigation.state === 'idle') {
      posting.current = false
      if (!failed) setGeneration((current) => current + 1)
    }
  }, [submitting, navigation.state, failed])
  return generation
}
