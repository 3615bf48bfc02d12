// The report as a producer reads it (grouped by document, errors first) or as a CI pipeline
// reads it (one JSON object).
import { printable, printableJson } from './terminal-text';
import type { Problem } from './validation-problem';
import type { Report } from './validate-feed';
import type { DocumentSummary } from './walk-pages';

const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

function summaryLine(documents: readonly DocumentSummary[]): string {
  const [head, ...pages] = documents;
  if (head === undefined) return 'Read: nothing the client would show.';
  const count = (d: DocumentSummary) =>
    `${plural(d.items, 'update')}${d.tombstones > 0 ? `, ${plural(d.tombstones, 'tombstone')}` : ''}${d.dropped > 0 ? `, ${d.dropped.toLocaleString('en')} dropped` : ''}`;
  let line = `Read: the head (${count(head)})`;
  if (pages.length > 0) {
    const total = pages.reduce((n, p) => n + p.items, 0);
    line += ` and ${plural(pages.length, 'older page')} (${plural(total, 'update')})`;
  }
  return `${line}.`;
}

function problemLines(problem: Problem): string[] {
  const label = problem.severity === 'error' ? 'error  ' : 'warning';
  return [
    `  ${label}  ${problem.path}`,
    `           ${problem.message}`,
    `           Rule: ${problem.rule}`,
  ];
}

function verdict(report: Report): string {
  if (report.errors > 0) {
    const warnings = report.warnings > 0 ? ` and ${plural(report.warnings, 'warning')}` : '';
    return `Not valid: ${plural(report.errors, 'error')}${warnings}.`;
  }
  return report.warnings > 0
    ? `Valid, with ${plural(report.warnings, 'warning')}.`
    : 'Valid: no errors, no warnings.';
}

/** The report for a terminal: what was read, each document's problems, the verdict. */
export function formatText(target: string, report: Report): string {
  const lines = [`Feed: ${target}`, summaryLine(report.documents)];
  const documents = [...new Set(report.problems.map((p) => p.document))];
  for (const document of documents) {
    const mine = report.problems.filter((p) => p.document === document);
    lines.push('', document);
    for (const severity of ['error', 'warning'] as const) {
      const these = mine.filter((p) => p.severity === severity);
      // In the document's order: $.items[2] before $.items[10], the HTTP headers last.
      these.sort((a, b) => a.path.localeCompare(b.path, 'en', { numeric: true }));
      for (const problem of these) lines.push(...problemLines(problem));
    }
  }
  if (report.notes.length > 0) lines.push('', ...report.notes.map((note) => `Note: ${note}`));
  lines.push('', verdict(report));
  // Each line is one value: a line break within one would fake a line of the report.
  return `${lines.map(printable).join('\n')}\n`;
}

/** One JSON object: { valid, errors, warnings, problems, documents, notes }. */
export function formatJson(report: Report): string {
  const { valid, errors, warnings, problems, documents, notes } = report;
  const json = JSON.stringify({ valid, errors, warnings, problems, documents, notes }, null, 2);
  return `${printableJson(json)}\n`;
}
