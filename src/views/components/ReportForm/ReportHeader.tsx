import type { FormDefinition } from '../../../domain/reporting/definition.ts';
import { Notice } from '../Notice/Notice.tsx';
import { SummaryList, type SummaryRow } from '../SummaryList/SummaryList.tsx';

/** The registry facts of the reporting unit; the header shows those the definition asks for. */
export interface ReportUnit {
  name: string;
  regon: string | null;
  teryt: string | null;
  registryBookNo: string | null;
  address: string | null;
  nip: string | null;
}

type HeaderFact = FormDefinition['header'][number];

// the units module's wording (management/units/messages.ts), so a fact is named alike everywhere
const FACT_LABEL: Readonly<Record<HeaderFact, string>> = {
  name: 'Nazwa jednostki',
  regon: 'REGON',
  teryt: 'Kod TERYT',
  registryBookNo: 'Numer księgi rejestrowej',
  nip: 'NIP',
  address: 'Adres',
};

export interface ReportHeaderProps {
  def: FormDefinition;
  unit: ReportUnit;
  /** the year of the data */
  year: number;
  /** the report's version (1 = first submission, then each correction) */
  version: number;
  /** heading id; needed only when two headers share a page */
  titleId?: string;
}

/**
 * The identification part of a form: which form, for which year, by which unit (filled from the
 * registry, not typed), and the notice that the form is a simplified model of the official one.
 */
export function ReportHeader(p: ReportHeaderProps): JSX.Element {
  const titleId = p.titleId ?? 'report-header-title';
  const rows: SummaryRow[] = [
    { label: 'Formularz', value: `${p.def.form} – ${p.def.title}` },
    { label: 'Rok sprawozdawczy', value: String(p.year) },
    { label: 'Wersja sprawozdania', value: String(p.version) },
    ...p.def.header.map((fact) => ({ label: FACT_LABEL[fact], value: p.unit[fact] })),
  ];
  const safeSources =
    p.def.sources.length > 0 ? (
      <details class="expander">
        <summary>Źródła</summary>
        <ul>
          {p.def.sources.map((s) => (
            <li safe>{s}</li>
          ))}
        </ul>
      </details>
    ) : (
      ''
    );
  return (
    <section class="report-header" aria-labelledby={titleId} data-qa="report-header">
      <h2 id={titleId}>Dane identyfikacyjne</h2>
      <SummaryList rows={rows} qa="report-header-facts" />
      <Notice tone="info" text={p.def.modelNotice} qa="report-model-notice">
        {safeSources}
      </Notice>
    </section>
  );
}
