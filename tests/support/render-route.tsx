import type { ComponentType } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
// The router Remix itself renders with (a dependency of @remix-run/react): its
// static handler gives the page the loader's and the action's data.
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router-dom/server'

/**
 * Server-renders a route module's page as Remix does after a form submission,
 * with the data its loader and action returned (call them first, as a test of
 * them does). Without action data it renders the page as first loaded. With a
 * `layout` (a section's layout route and its loader's data) the page renders
 * inside it, and the page's `handle` names its heading there.
 */
export async function renderRoute(
  Page: ComponentType,
  {
    loaderData,
    actionData,
    handle,
    layout,
  }: {
    loaderData: unknown
    actionData?: unknown
    handle?: unknown
    layout?: { Layout: ComponentType; loaderData: unknown }
  },
): Promise<string> {
  const submitted = actionData !== undefined
  const page = {
    id: 'page',
    Component: Page,
    handle,
    loader: () => loaderData as object | null,
    action: submitted ? () => actionData as object | null : undefined,
  }
  const handler = createStaticHandler(
    layout
      ? [
          {
            id: 'layout',
            path: '/',
            Component: layout.Layout,
            loader: () => layout.loaderData as object | null,
            children: [{ ...page, index: true }],
          },
        ]
      : [{ ...page, path: '/' }],
  )
  // A post inside a layout goes to its index page, as Remix's forms send it.
  const url = layout ? 'http://localhost/?index' : 'http://localhost/'
  const context = await handler.query(
    new Request(url, submitted ? { method: 'POST', body: new URLSearchParams() } : undefined),
  )
  if (context instanceof Response) throw new Error(`the page answered with a ${context.status} response`)
  if (context.errors) throw new Error(`the page failed: ${JSON.stringify(context.errors)}`)
  const router = createStaticRouter(handler.dataRoutes, context)
  return renderToStaticMarkup(<StaticRouterProvider router={router} context={context} hydrate={false} />)
}
