import { Fragment, type ReactNode } from 'react'
import { parseFormattedText, type Inline } from '~/modules/meetings/formatted-text'

function renderInline(items: Inline[]): ReactNode[] {
  return items.map((item, index) => {
    switch (item.type) {
      case 'text':
        return <Fragment key={index}>{item.text}</Fragment>
      case 'break':
        return <br key={index} />
      case 'strong':
        return <strong key={index}>{renderInline(item.children)}</strong>
      case 'em':
        return <em key={index}>{renderInline(item.children)}</em>
      case 'link':
        return (
          <a key={index} href={item.href} rel="noopener noreferrer nofollow">
            {renderInline(item.children)}
          </a>
        )
    }
  })
}

/**
 * Formatted text (minutes, notes) as React elements, never as HTML.
 * `##` becomes a heading of `headingLevel`, `###` one level below, so the
 * text fits under the page's own headings.
 */
export function FormattedText({ text, headingLevel = 3 }: { text: string; headingLevel?: 2 | 3 | 4 }) {
  const blocks = parseFormattedText(text)
  return (
    <div className="formatted-text">
      {blocks.map((block, index) => {
        if (block.type === 'heading') {
          const Heading = `h${Math.min(headingLevel + block.level - 2, 6)}` as 'h2' | 'h3' | 'h4' | 'h5'
          return <Heading key={index}>{renderInline(block.content)}</Heading>
        }
        if (block.type === 'list') {
          const List = block.ordered ? 'ol' : 'ul'
          return (
            <List key={index}>
              {block.items.map((item, itemIndex) => (
                <li key={itemIndex}>{renderInline(item)}</li>
              ))}
            </List>
          )
        }
        return <p key={index}>{renderInline(block.content)}</p>
      })}
    </div>
  )
}
