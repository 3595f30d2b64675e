import type { CsvCell } from '../../../lib/csv.ts';
import { formatNumberPl } from '../../../lib/text.ts';
import { SignedInLayout, type SignedInFrame } from '../../../views/layouts/SignedInLayout.tsx';
import { reportMessages as m } from './messages.ts';
import type { ReportTable } from './service.ts';

export const REPORTS_PATH = '/zarzadzanie/raporty';
export const reportCsvPath = (key: string) => `${REPORTS_PATH}/${key}.csv`;

function cellText(v: CsvCell): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'number') return formatNumberPl(v);
  return String(v);
}

const shorten = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/**
 * A horizontal bar chart drawn on the server (no JavaScript). It is one image to assistive
 * technology (role="img", named by its <title> and <desc>); the table under it is its text
 * alternative and holds every number.
 */
export function BarChart(p: { id: string; title: string; bars: { label: string; value: number }[]; unit?: string | undefined }): JSX.Element {
  const labelWidth = 270;
  const barWidth = 320;
  const rowHeight = 26;
  const width = labelWidth + barWidth + 80;
  const height = p.bars.length * rowHeight + 6;
  const max = Math.max(1, ...p.bars.map((b) => b.value));
  return (
    <svg
      class="bar-chart"
      xmlns="http://www.w3.org/2000/svg"
      role="img"
      aria-labelledby={`${p.id}-title ${p.id}-desc`}
      viewBox={`0 0 ${width} ${height}`}
      width={String(width)}
      height={String(height)}
      data-qa={`chart-${p.id}`}
    >
      <title id={`${p.id}-title`} safe>
        {p.title}
      </title>
      <desc id={`${p.id}-desc`} safe>
        {m.chartDesc(p.title)}
      </desc>
      {p.bars.map((b, i) => {
        const y = i * rowHeight + 3;
        const w = Math.round((Math.max(0, b.value) / max) * barWidth);
        return (
          <g>
            <text x={String(labelWidth - 8)} y={String(y + 17)} text-anchor="end" font-size="13" fill="#1b1b1b" safe>
              {shorten(b.label, 40)}
            </text>
            <rect x={String(labelWidth)} y={String(y + 4)} width={String(w)} height={String(rowHeight - 8)} fill="#0052a5" />
            <text x={String(labelWidth + w + 6)} y={String(y + 17)} font-size="13" fill="#1b1b1b" safe>
              {`${cellText(b.value)}${p.unit ? ` ${p.unit}` : ''}`}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function Report({ r }: { r: ReportTable }): JSX.Element {
  const id = `r-${r.key}`;
  const bars = r.rows
    .filter((row) => typeof row[r.chart.value] === 'number')
    .map((row) => ({ label: cellText(row[r.chart.label]), value: row[r.chart.value] as number }));
  const sum = r.rows.reduce((acc, row) => acc + (typeof row[1] === 'number' ? row[1] : 0), 0);
  return (
    <section id={id} aria-labelledby={`${id}-h`} class="report" data-qa={`report-${r.key}`}>
      <h2 id={`${id}-h`} safe>
        {r.title}
      </h2>
      {r.note ? (
        <p class="muted" safe>
          {r.note}
        </p>
      ) : (
        ''
      )}
      {r.rows.length === 0 ? (
        <p>{m.none}</p>
      ) : (
        <>
          <div class="chart-scroll">
            <BarChart id={`${id}-chart`} title={r.title} bars={bars} unit={r.chart.unit} />
          </div>
          <table class="table" data-qa={`report-table-${r.key}`}>
            <caption class="visually-hidden" safe>
              {r.title}
            </caption>
            <thead>
              <tr>
                {r.columns.map((c, i) => (
                  <th scope="col" class={i > 0 ? 'num' : undefined} safe>
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {r.rows.map((row) => (
                <tr>
                  {row.map((v, i) =>
                    i === 0 ? (
                      <th scope="row" safe>
                        {cellText(v)}
                      </th>
                    ) : (
                      <td class="num" data-label={r.columns[i] ?? ''} safe>
                        {cellText(v)}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
            {r.total ? (
              <tfoot>
                <tr>
                  <th scope="row">{m.total}</th>
                  <td class="num" data-label={r.columns[1] ?? ''} safe>
                    {cellText(sum)}
                  </td>
                </tr>
              </tfoot>
            ) : (
              ''
            )}
          </table>
        </>
      )}
      <p>
        <a class="button button--secondary" href={reportCsvPath(r.key)} data-qa={`report-csv-${r.key}`}>
          {m.csv}
          <span class="visually-hidden" safe>
            {`: ${r.title}`}
          </span>
        </a>
      </p>
    </section>
  );
}

/** "Raporty": every report of the actor's scope as a chart and a table, each with its CSV. */
export function ReportsPage(p: { frame: SignedInFrame; scopeText: string; reports: ReportTable[] }): JSX.Element {
  return (
    <SignedInLayout
      title={m.title}
      frame={p.frame}
      breadcrumbs={[{ href: '/start', label: 'Strona główna' }, { href: '/zarzadzanie', label: m.module }, { label: m.title }]}
    >
      <p class="muted">{m.module}</p>
      <h1 data-qa="page-management-reports">{m.title}</h1>
      <p class="lead" safe>
        {p.scopeText}
      </p>
      <nav aria-labelledby="reports-contents">
        <h2 id="reports-contents" class="visually-hidden">
          {m.contents}
        </h2>
        <ul>
          {p.reports.map((r) => (
            <li>
              <a href={`#r-${r.key}`} safe>
                {r.title}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {p.reports.map((r) => (
        <Report r={r} />
      ))}
    </SignedInLayout>
  );
}
