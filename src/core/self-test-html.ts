// The self-test's report as the user reads it: plain text (the execution log) and the dialog's HTML. Every text
// that came from the spreadsheet or Apps Script is escaped before it becomes HTML.
import type { CheckStatus, SelfTestReport } from './self-test-report';

const MARK: Record<CheckStatus, string> = { passed: '✓ Passed', failed: '✗ Failed', 'not run': '– Not run' };

/** The report as plain text (the execution log, tests). */
export function selfTestText(report: SelfTestReport): string {
  const lines = [summary(report), ''];
  if (report.stopped) lines.push(report.stopped.text, `What to do: ${report.stopped.todo}`, '');
  for (const c of report.checks) {
    lines.push(`${MARK[c.status]}: ${c.title}: ${c.proves}`);
    for (const d of c.details) lines.push(`    ${d}`);
    if (c.todo) lines.push(`    What to do: ${c.todo}`);
  }
  return lines.join('\n');
}

function summary(report: SelfTestReport): string {
  const failed = report.checks.filter((c) => c.status !== 'passed').length;
  if (report.stopped && failed === 0) {
    return `The check of this spreadsheet stopped before it finished (locale ${report.locale}, time zone ${report.timeZone}).`;
  }
  return report.passed
    ? `okr-sheets works in this spreadsheet (locale ${report.locale}, time zone ${report.timeZone}).`
    : `${failed} of ${report.checks.length} checks did not pass in this spreadsheet (locale ${report.locale}, time zone ${report.timeZone}).`;
}

/** Text as HTML text: nothing read from the spreadsheet becomes markup. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** The report as the dialog shows it: one page, no script but the Close button's. */
export function selfTestHtml(report: SelfTestReport): string {
  const e = escapeHtml;
  const rows = report.checks
    .map((c) => {
      const details = c.details.map((d) => `<li>${e(d)}</li>`).join('');
      const todo = c.todo ? `<p class="todo"><b>What to do:</b> ${e(c.todo)}</p>` : '';
      return `<li class="check ${c.status.replace(' ', '-')}"><p><span class="mark">${e(MARK[c.status])}</span> <b>${e(c.title)}</b>: ${e(c.proves)}</p><ul>${details}</ul>${todo}</li>`;
    })
    .join('');
  const stopped = report.stopped
    ? `<p class="todo">${e(report.stopped.text)}<br><b>What to do:</b> ${e(report.stopped.todo)}</p>`
    : '';
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><style>
body{font:13px/1.45 Arial,Helvetica,sans-serif;color:#202124;margin:0;padding:12px 16px}
h1{font-size:15px;margin:0 0 10px}h1.ok{color:#137333}h1.bad{color:#c5221f}
ol{list-style:none;margin:0;padding:0}.check{border-top:1px solid #e0e0e0;padding:6px 0}.check p{margin:2px 0}
.check ul{margin:2px 0 2px 18px;padding:0;color:#5f6368}.mark{font-weight:bold}
.passed .mark{color:#137333}.failed .mark{color:#c5221f}.not-run .mark{color:#80868b}
.todo{background:#fef7e0;padding:4px 6px;border-radius:4px}
button{margin-top:10px;padding:6px 16px;background:#1a73e8;color:#fff;border:0;border-radius:4px;font-size:13px}
</style></head><body><h1 class="${report.passed ? 'ok' : 'bad'}">${e(summary(report))}</h1>${stopped}<ol>${rows}</ol>
<button type="button" onclick="google.script.host.close()">Close</button></body></html>`;
}
