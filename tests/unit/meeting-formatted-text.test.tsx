import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { FormattedText } from '../../app/components/meetings/formatted-text'
import { parseFormattedText, parseInline, plainText, safeHref } from '../../app/modules/meetings/formatted-text'

const render = (text: string, headingLevel?: 2 | 3 | 4) =>
  renderToStaticMarkup(<FormattedText text={text} headingLevel={headingLevel} />)

describe('the minutes subset of Markdown', () => {
  it('makes paragraphs of text between empty lines, and keeps line breaks inside one', () => {
    expect(render('Första stycket\nandra raden\n\nAndra stycket')).toBe(
      '<div class="formatted-text"><p>Första stycket<br/>andra raden</p><p>Andra stycket</p></div>',
    )
  })

  it('makes ## and ### headings, placed under the page heading given', () => {
    expect(render('## Beslut\n### Nästa steg', 3)).toBe(
      '<div class="formatted-text"><h3>Beslut</h3><h4>Nästa steg</h4></div>',
    )
    expect(render('## Beslut', 2)).toBe('<div class="formatted-text"><h2>Beslut</h2></div>')
  })

  it('leaves a single # and a missing space as text', () => {
    expect(render('# Inte rubrik\n##inte heller')).toBe(
      '<div class="formatted-text"><p># Inte rubrik<br/>##inte heller</p></div>',
    )
  })

  it('makes bullet and numbered lists, and a new list when the kind changes', () => {
    expect(render('- ett\n* två\n1. först\n2) sedan')).toBe(
      '<div class="formatted-text"><ul><li>ett</li><li>två</li></ul><ol><li>först</li><li>sedan</li></ol></div>',
    )
  })

  it('continues a list item on the next line, and ends the list at an empty line', () => {
    expect(render('- Kalla in\n  räddningstjänsten\n\nSlut')).toBe(
      '<div class="formatted-text"><ul><li>Kalla in räddningstjänsten</li></ul><p>Slut</p></div>',
    )
  })

  it('makes **bold** and *italic*, also nested, and leaves lone stars as text', () => {
    expect(render('**viktigt** och *lugnt* och **mycket *viktigt***')).toBe(
      '<div class="formatted-text"><p><strong>viktigt</strong> och <em>lugnt</em> och <strong>mycket <em>viktigt</em></strong></p></div>',
    )
    expect(render('2 * 3 = 6 och ** ensam')).toBe('<div class="formatted-text"><p>2 * 3 = 6 och ** ensam</p></div>')
  })

  it('links to http and https addresses, and nothing else', () => {
    expect(render('Se [MCF](https://www.mcf.se/krisberedskap) och [gammal](http://example.org)')).toBe(
      '<div class="formatted-text"><p>Se <a href="https://www.mcf.se/krisberedskap" rel="noopener noreferrer nofollow">MCF</a> och <a href="http://example.org/" rel="noopener noreferrer nofollow">gammal</a></p></div>',
    )
  })

  it('leaves a javascript:, data: or relative link as text', () => {
    for (const href of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      ' javascript:alert(1)',
      'data:text/html,<b>x</b>',
      '/admin',
      '//evil.example',
    ]) {
      const html = render(`[klicka](${href})`)
      expect(html).not.toContain('<a')
      expect(html).not.toContain('href')
    }
    expect(render('[klicka](javascript:alert(1))')).toBe(
      '<div class="formatted-text"><p>[klicka](javascript:alert(1))</p></div>',
    )
  })

  it('shows markup as text: a script tag is never an element', () => {
    const html = render('<script>alert("x")</script>\n\n<img src=x onerror=alert(1)> **<b>fet</b>**')
    expect(html).not.toContain('<script')
    expect(html).not.toContain('<img')
    expect(html).not.toContain('<b>')
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;')
    expect(html).toContain('<strong>&lt;b&gt;fet&lt;/b&gt;</strong>')
  })

  it('does not put links inside links, and a link label keeps its emphasis', () => {
    expect(parseInline('[**fet** länk](https://example.org)')).toEqual([
      {
        type: 'link',
        href: 'https://example.org/',
        children: [
          { type: 'strong', children: [{ type: 'text', text: 'fet' }] },
          { type: 'text', text: ' länk' },
        ],
      },
    ])
  })

  it('lets a backslash keep a mark as text', () => {
    expect(render('\\*inte kursiv\\* och \\- inte lista')).toBe(
      '<div class="formatted-text"><p>*inte kursiv* och - inte lista</p></div>',
    )
  })

  it('reads Windows line ends and makes nothing of an empty text', () => {
    expect(parseFormattedText('a\r\n\r\nb')).toHaveLength(2)
    expect(parseFormattedText('  \n\n ')).toEqual([])
  })

  it('accepts only absolute http(s) addresses as link targets', () => {
    expect(safeHref('https://example.org/a b')).toBeNull()
    expect(safeHref('ftp://example.org')).toBeNull()
    expect(safeHref('https://example.org/sida?x=1')).toBe('https://example.org/sida?x=1')
  })

  it('gives the plain text for mail', () => {
    expect(plainText(parseFormattedText('## Beslut\n- **Ett** [MCF](https://mcf.se)\n- Två'))).toBe(
      'Beslut\n\n– Ett MCF (https://mcf.se/)\n– Två',
    )
  })
})
