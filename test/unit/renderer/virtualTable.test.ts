import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { VirtualTable, type VirtualTableProps } from '../../../renderer/src/components/VirtualTable';

interface Row {
  id: string;
}

/** Server-rendered markup with emotion's styles inline: enough to read the grid's structure and CSS. */
const render = (rows: Row[]) => {
  const props: VirtualTableProps<Row> = {
    label: 'Accounts',
    idPrefix: 'acc',
    rows,
    rowKey: (r) => r.id,
    columns: [{ id: 'id', header: 'Id', width: '1fr', render: (r) => r.id }],
    onSelect: () => {},
  };
  const html = renderToString(createElement(VirtualTable<Row>, props));
  const dom = new DOMParserLite(html);
  return { html, dom };
};

/** A tiny reader for the attributes and emotion class rules of server-rendered markup (no DOM in node). */
class DOMParserLite {
  constructor(private readonly html: string) {}
  tags(): string[] {
    return this.html.match(/<(div|span)\b[^>]*>/g) ?? [];
  }
  cssOf(tag: string): string {
    const classes = /class="([^"]*)"/.exec(tag)?.[1]?.split(/\s+/) ?? [];
    const styles = [...this.html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('\n');
    return classes.map((c) => new RegExp(`\\.${c}\\{([^}]*)\\}`).exec(styles)?.[1] ?? '').join(';');
  }
}

const scrolls = (css: string) => /overflow:(auto|scroll)/.test(css);

describe('VirtualTable: the grid is the one scrolling, focusable element (axe scrollable-region-focusable)', () => {
  it('the grid takes focus (tabindex 0) and scrolls itself; nothing inside it scrolls', () => {
    const { dom } = render(Array.from({ length: 500 }, (_, i) => ({ id: `a${i}` })));
    const tags = dom.tags();
    const grid = tags.find((t) => t.includes('role="grid"'))!;
    expect(grid).toContain('tabindex="0"');
    expect(grid).toContain('aria-rowcount="501"');
    expect(grid).toContain('aria-multiselectable="true"');
    expect(scrolls(dom.cssOf(grid))).toBe(true);
    expect(tags.filter((t) => t !== grid && scrolls(dom.cssOf(t)))).toEqual([]);
    // One tab stop: no other element is focusable.
    expect(tags.filter((t) => /tabindex=/.test(t))).toEqual([grid]);
  });

  it('the header row stays in view above the scrolled rows (sticky)', () => {
    const { dom } = render([{ id: 'a1' }]);
    const header = dom.tags().find((t) => t.includes('role="rowgroup"'))!;
    expect(dom.cssOf(header)).toMatch(/position:sticky/);
    expect(dom.cssOf(header)).toMatch(/top:0/);
  });
});
