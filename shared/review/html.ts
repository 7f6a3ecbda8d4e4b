import { asOfText, countsText, viaText, type LayoutReport } from './report';

const esc = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const table = (head: readonly string[], rows: Iterable<readonly string[]>): string => {
  const body: string[] = [];
  for (const r of rows) body.push(`<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`);
  if (!body.length) return '<p class="none">none</p>';
  return `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${body.join('')}</tbody></table>`;
};

/** The stylesheet of the report, screen and print: each section starts a page when printed. */
export const REPORT_CSS = `body{font:13px system-ui,sans-serif;margin:24px;color:#111}
h1{font-size:20px}h2{font-size:16px;margin-top:24px}h3{font-size:13px;margin:12px 0 4px}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:2px 8px;border-bottom:1px solid #ddd}
.stamp{color:#555}
@media print{body{margin:0}section{break-before:page}thead{display:table-header-group}.stamp{position:fixed;top:0;right:0;font-size:10px}}`;

/** The layout report as one HTML page (DESIGN.md: a section per group and per account, stamped). */
export const layoutHtml = (r: LayoutReport): string => {
  const stamp = asOfText(r.snapshotAt);
  const out: string[] = [
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(r.title)}</title><style>${REPORT_CSS}</style></head><body>`,
    `<h1>${esc(r.title)}</h1><p class="stamp">${esc(stamp)} · ${countsText(r)}</p>`,
  ];
  if (r.review) {
    const rv = r.review;
    out.push(`<section><h2>Review: ${esc(rv.name)}</h2><p>Reviewer ${esc(rv.reviewer || 'unknown')} · ${rv.signedOff ? `signed off by ${esc(rv.signedOff.by)} at ${esc(rv.signedOff.at)}` : 'not signed off'}</p>`);
    if (rv.plan) out.push(`<p>Plan made ${esc(rv.plan.madeAt)} with ${rv.plan.ops} ops: ${esc(rv.plan.outcome ?? 'not applied yet')}</p>`);
    out.push(table(['Decision', 'What', 'Note', 'When'], rv.decisions.map((d) => [d.verdict, r.describe(d.target), d.note ?? '', d.at])), '</section>');
  }
  for (const g of r.groups()) {
    out.push(`<section><h2>Group: ${esc(g.name)}${g.allAccounts && g.name !== 'All Accounts' ? ' (All Accounts)' : ''}</h2><p class="stamp">${esc(stamp)}</p>`);
    out.push(`<h3>Accounts (${g.accounts.length})</h3>`, table(['Account', 'Id'], g.accounts.map((a) => [a.name, a.id])));
    out.push(`<h3>Users in group (${g.users.length})</h3>`, table(['User', 'Name', 'Roles'], g.users.map((u) => [u.userId, u.name, u.roles.join(', ')])));
    out.push(`<h3>Resources (${g.resources.length})</h3>`, table(['Type', 'Name', 'Id'], g.resources.map((x) => [x.objectType, x.name, x.id])), '</section>');
  }
  for (const a of r.accounts()) {
    out.push(`<section><h2>Account: ${esc(a.name)}</h2><p>${esc(a.id)} · Support Access Role: ${esc(a.supportAccessRole ?? 'none')} · groups: ${esc(a.groups.join(', ') || 'none')}</p>`);
    out.push(`<h3>Who reaches it (${a.users.length})</h3>`, table(['User', 'Way in', 'Roles', 'Through'], a.users.map((u) => [u.userId, viaText(u.via), u.roles.join(', '), u.groups.join(', ')])), '</section>');
  }
  out.push('</body></html>');
  return out.join('\n');
};
