import type { ComponentType } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router-dom/server'

/**
 * Server-renders a section's layout around one of its pages, as Remix does,
 * with the data their loaders returned (call them first): the header the
 * layout draws, the heading the page names through its `handle`, the page.
 */
export async function renderInLayout(
  Layout: ComponentType,
  page: { default: ComponentType; handle?: unknown },
  { layoutData, pageData }: { layoutData: unknown; pageData: unknown },
): Promise<string> {
  const handler = createStaticHandler([
    {
      id: 'layout',
      path: '/',
      Component: Layout,
      loader: () => layoutData as object | null,
      children: [
        {
          id: 'page',
          index: true,
          Component: page.default,
          handle: page.handle,
          loader: () => pageData as object | null,
        },
      ],
    },
  ])
  const context = await handler.query(new Request('http://localhost/'))
  if (context instanceof Response) throw new Error(`the page answered with a ${context.status} response`)
  if (context.errors) throw new Error(`the page failed: ${JSON.stringify(context.errors)}`)
  const router = createStaticRouter(handler.dataRoutes, context)
  return renderToStaticMarkup(<StaticRouterProvider router={router} context={context} hydrate={false} />)
}
