import { escapeHtml } from '../lib/html.ts';

/** E-mails in Polish as HTML and plain text, with the manual's wording. */
export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

const FOOTER_TEXT = 'Niniejsza wiadomość e-mail została wygenerowana automatycznie. Prosimy na nią nie odpowiadać.';

function html(paragraphs: string[]): string {
  return `<!doctype html><html lang="pl"><body>${paragraphs.map((p) => `<p>${p}</p>`).join('')}<p><small>${FOOTER_TEXT}</small></p></body></html>`;
}

export interface RequestLine {
  roleName: string;
  number: string;
}

/** After "Zapisz wniosek": the numbers and what to do with the PDF. */
export function submissionConfirmation(p: {
  unitName: string;
  requests: RequestLine[];
  verifier: { name: string; email: string };
  portalUrl: string;
}): MailContent {
  const lines = p.requests.map((r) => `- ${r.roleName} (${r.number})`).join('\n');
  const text =
    'Dzień dobry,\n\n' +
    `zapisaliśmy Twój wniosek o role w jednostce ${p.unitName}:\n${lines}\n\n` +
    'Pobierz wygenerowany wniosek (PDF), opatrz go pieczęcią jednostki, podpisz i uzyskaj podpis kierownika jednostki, a następnie ' +
    'załącz podpisany plik w systemie SSOZ II (Moje konto → Załącz podpisany wniosek) albo wyślij go na adres ' +
    `${p.verifier.email} (${p.verifier.name}).\n\n` +
    'Status złożonych wniosków o rolę możesz sprawdzić w Systemie Statystyki w Ochronie Zdrowia w sekcji Moje konto.\n' +
    `Aby zalogować się do systemu SSOZ II kliknij w link: ${p.portalUrl}\n\n${FOOTER_TEXT}\n`;
  return {
    subject: `Złożono wniosek o role: ${p.requests.map((r) => r.number).join(', ')}`,
    text,
    html: html([
      'Dzień dobry,',
      `zapisaliśmy Twój wniosek o role w jednostce <strong>${escapeHtml(p.unitName)}</strong>:<br>${p.requests.map((r) => `${escapeHtml(r.roleName)} (<strong>${escapeHtml(r.number)}</strong>)`).join('<br>')}`,
      `Pobierz wygenerowany wniosek (PDF), opatrz go pieczęcią jednostki, podpisz i uzyskaj podpis kierownika jednostki, a następnie załącz podpisany plik w systemie SSOZ II (Moje konto → Załącz podpisany wniosek) albo wyślij go na adres ${escapeHtml(p.verifier.email)} (${escapeHtml(p.verifier.name)}).`,
      'Status złożonych wniosków o rolę możesz sprawdzić w Systemie Statystyki w Ochronie Zdrowia w sekcji <strong>Moje konto</strong>.',
      `Aby zalogować się do systemu SSOZ II kliknij w link: <a href="${escapeHtml(p.portalUrl)}">${escapeHtml(p.portalUrl)}</a>`,
    ]),
  };
}

/** The manual's notice of a file removed by the malware scan. */
export function fileRemovedNotice(p: { fileLabel: string; unitName: string; unitKindName: string; requests: RequestLine[]; portalUrl: string }): MailContent {
  const roles = p.requests.map((r) => `${r.roleName} (${r.number})`);
  const text =
    'Dzień dobry,\n\n' +
    'informujemy, że plik załączony do wniosku o dodanie roli do profilu w SSOZ II został negatywnie zweryfikowany pod kątem bezpieczeństwa i został usunięty z wniosku.\n\n' +
    `Nazwa usuniętego pliku (format i wielkość pliku)\n${p.fileLabel}\n\n` +
    `Profil dla jednostki\n${p.unitName} (${p.unitKindName})\n\n` +
    `Wnioskowana rola (numer wniosku)\n${roles.join('\n')}\n\n` +
    'Uwaga! Do zakończenia procesu wnioskowania niezbędne jest załączenie innego pliku z podpisanym wnioskiem.\n\n' +
    'Status złożonych wniosków o rolę możesz sprawdzić w Systemie Statystyki w Ochronie Zdrowia w sekcji Moje konto.\n' +
    `Aby zalogować się do systemu SSOZ II kliknij w link: ${p.portalUrl}\n\n${FOOTER_TEXT}\n`;
  return {
    subject: 'Plik usunięty z wniosku o rolę w SSOZ II',
    text,
    html: html([
      'Dzień dobry,',
      'informujemy, że plik załączony do wniosku o dodanie roli do profilu w SSOZ II został negatywnie zweryfikowany pod kątem bezpieczeństwa i został usunięty z wniosku.',
      `<strong>Nazwa usuniętego pliku (format i wielkość pliku)</strong><br>${escapeHtml(p.fileLabel)}`,
      `<strong>Profil dla jednostki</strong><br>${escapeHtml(p.unitName)} (${escapeHtml(p.unitKindName)})`,
      `<strong>Wnioskowana rola (numer wniosku)</strong><br>${roles.map(escapeHtml).join('<br>')}`,
      '<strong>Uwaga!</strong> Do zakończenia procesu wnioskowania niezbędne jest załączenie innego pliku z podpisanym wnioskiem.',
      'Status złożonych wniosków o rolę możesz sprawdzić w Systemie Statystyki w Ochronie Zdrowia w sekcji <strong>Moje konto</strong>.',
      `Aby zalogować się do systemu SSOZ II kliknij w link: <a href="${escapeHtml(p.portalUrl)}">${escapeHtml(p.portalUrl)}</a>`,
    ]),
  };
}

/** The manual's e-mail after a verifier approves a request ("Miło nam poinformować …"). */
export function requestApproved(p: { number: string; roleName: string; unitName: string; portalUrl: string }): MailContent {
  const text =
    'Dzień dobry,\n\n' +
    `Miło nam poinformować, że wniosek o rolę o numerze ${p.number} został zaakceptowany.\n\n` +
    `Wnioskowana rola:\n${p.roleName}\n\n` +
    `Jednostka:\n${p.unitName}\n\n` +
    'W Systemie Statystyki w Ochronie Zdrowia możesz już realizować zadania w powyższej roli.\n' +
    `Aby zalogować się do systemu SSOZ II kliknij w link: ${p.portalUrl}\n\n${FOOTER_TEXT}\n`;
  return {
    subject: `Wniosek o rolę ${p.number} został zaakceptowany`,
    text,
    html: html([
      'Dzień dobry,',
      `Miło nam poinformować, że wniosek o rolę o numerze <strong>${escapeHtml(p.number)}</strong> został zaakceptowany.`,
      `<strong>Wnioskowana rola:</strong><br>${escapeHtml(p.roleName)}`,
      `<strong>Jednostka:</strong><br>${escapeHtml(p.unitName)}`,
      'W Systemie Statystyki w Ochronie Zdrowia możesz już realizować zadania w powyższej roli.',
      `Aby zalogować się do systemu SSOZ II kliknij w link: <a href="${escapeHtml(p.portalUrl)}">${escapeHtml(p.portalUrl)}</a>`,
    ]),
  };
}

/** After a verifier rejects a request: the same facts and the reason the verifier gave. */
export function requestRejected(p: { number: string; roleName: string; unitName: string; reason: string; portalUrl: string }): MailContent {
  const text =
    'Dzień dobry,\n\n' +
    `informujemy, że wniosek o rolę o numerze ${p.number} został odrzucony.\n\n` +
    `Wnioskowana rola:\n${p.roleName}\n\n` +
    `Jednostka:\n${p.unitName}\n\n` +
    `Powód odrzucenia:\n${p.reason}\n\n` +
    'Status złożonych wniosków o rolę możesz sprawdzić w Systemie Statystyki w Ochronie Zdrowia w sekcji Moje konto.\n' +
    `Aby zalogować się do systemu SSOZ II kliknij w link: ${p.portalUrl}\n\n${FOOTER_TEXT}\n`;
  return {
    subject: `Wniosek o rolę ${p.number} został odrzucony`,
    text,
    html: html([
      'Dzień dobry,',
      `informujemy, że wniosek o rolę o numerze <strong>${escapeHtml(p.number)}</strong> został odrzucony.`,
      `<strong>Wnioskowana rola:</strong><br>${escapeHtml(p.roleName)}`,
      `<strong>Jednostka:</strong><br>${escapeHtml(p.unitName)}`,
      `<strong>Powód odrzucenia:</strong><br>${escapeHtml(p.reason).replace(/\n/g, '<br>')}`,
      'Status złożonych wniosków o rolę możesz sprawdzić w Systemie Statystyki w Ochronie Zdrowia w sekcji <strong>Moje konto</strong>.',
      `Aby zalogować się do systemu SSOZ II kliknij w link: <a href="${escapeHtml(p.portalUrl)}">${escapeHtml(p.portalUrl)}</a>`,
    ]),
  };
}

export interface DigestLine {
  number: string;
  /** "Termin decyzji", already formatted (dd.mm.rrrr) */
  due: string;
}

/** The most request numbers one list of the digest names (the rest is counted). */
const DIGEST_LIST_MAX = 50;

function digestList(lines: readonly DigestLine[]): { text: string; html: string } {
  const shown = lines.slice(0, DIGEST_LIST_MAX);
  const more = lines.length - shown.length;
  const tail = more > 0 ? `… oraz ${more} kolejnych` : '';
  return {
    text: shown.map((l) => `- ${l.number} (termin decyzji: ${l.due})`).join('\n') + (tail ? `\n${tail}` : ''),
    html: `<ul>${shown.map((l) => `<li>${escapeHtml(l.number)} (termin decyzji: ${escapeHtml(l.due)})</li>`).join('')}</ul>` + (tail ? escapeHtml(tail) : ''),
  };
}

/**
 * The daily digest to a verifying unit's administrators: how many requests wait for its decision,
 * which are past the decision due date, and (for Centrum e-Zdrowia) the overdue requests of other
 * units escalated to it; with the link to "Zarządzanie → Wnioski o role".
 */
export function requestDigest(p: {
  unitName: string;
  day: string;
  decisionDays: number;
  overdue: readonly DigestLine[];
  onTime: readonly DigestLine[];
  escalated: readonly DigestLine[];
  queueUrl: string;
}): MailContent {
  const waiting = p.overdue.length + p.onTime.length;
  const parts: { title: string; lines: readonly DigestLine[] }[] = [
    { title: 'Wnioski po terminie decyzji (eskalowane)', lines: p.overdue },
    { title: 'Wnioski oczekujące w terminie', lines: p.onTime },
    { title: 'Wnioski innych jednostek weryfikujących po terminie decyzji (eskalowane do Centrum e-Zdrowia)', lines: p.escalated },
  ].filter((x) => x.lines.length > 0);
  const lead =
    `na decyzję jednostki ${p.unitName} oczekuje wniosków o role: ${waiting}, w tym po terminie decyzji: ${p.overdue.length}` +
    ` (termin decyzji to ${p.decisionDays} dni od złożenia wniosku).`;
  const escalatedLead = p.escalated.length ? `Wnioski innych jednostek eskalowane do Centrum e-Zdrowia: ${p.escalated.length}.` : '';
  const text =
    'Dzień dobry,\n\n' +
    `${lead}\n` +
    (escalatedLead ? `${escalatedLead}\n` : '') +
    '\n' +
    parts.map((x) => `${x.title}:\n${digestList(x.lines).text}\n\n`).join('') +
    `Aby rozpatrzyć wnioski, przejdź do Zarządzanie → Wnioski o role: ${p.queueUrl}\n\n${FOOTER_TEXT}\n`;
  return {
    subject: `Wnioski o role oczekujące na decyzję (${p.day}): ${waiting}, po terminie: ${p.overdue.length}`,
    text,
    html: html([
      'Dzień dobry,',
      escapeHtml(lead),
      ...(escalatedLead ? [escapeHtml(escalatedLead)] : []),
      ...parts.map((x) => `<strong>${escapeHtml(x.title)}:</strong>${digestList(x.lines).html}`),
      `Aby rozpatrzyć wnioski, przejdź do <strong>Zarządzanie → Wnioski o role</strong>: <a href="${escapeHtml(p.queueUrl)}">${escapeHtml(p.queueUrl)}</a>`,
    ]),
  };
}

/** "Zarządzanie → Jednostki": the unit was made inactive, so the owner's profile in it is blocked. */
export function unitProfileBlocked(p: { unitName: string; portalUrl: string }): MailContent {
  const text =
    'Dzień dobry,\n\n' +
    `informujemy, że jednostka ${p.unitName} została oznaczona w Systemie Statystyki w Ochronie Zdrowia jako nieaktywna. ` +
    'Twój profil dla tej jednostki otrzymał status „Zablokowany”: do czasu ponownej aktywacji jednostki nie możesz pracować w tym profilu.\n\n' +
    'W razie pytań skontaktuj się z jednostką weryfikującą wnioski o role (np. urzędem wojewódzkim) lub z Centrum e-Zdrowia.\n' +
    `Aby zalogować się do systemu SSOZ II kliknij w link: ${p.portalUrl}\n\n${FOOTER_TEXT}\n`;
  return {
    subject: `Profil dla jednostki ${p.unitName} został zablokowany`,
    text,
    html: html([
      'Dzień dobry,',
      `informujemy, że jednostka <strong>${escapeHtml(p.unitName)}</strong> została oznaczona w Systemie Statystyki w Ochronie Zdrowia jako nieaktywna. Twój profil dla tej jednostki otrzymał status „Zablokowany”: do czasu ponownej aktywacji jednostki nie możesz pracować w tym profilu.`,
      'W razie pytań skontaktuj się z jednostką weryfikującą wnioski o role (np. urzędem wojewódzkim) lub z Centrum e-Zdrowia.',
      `Aby zalogować się do systemu SSOZ II kliknij w link: <a href="${escapeHtml(p.portalUrl)}">${escapeHtml(p.portalUrl)}</a>`,
    ]),
  };
}

/** "Zarządzanie → Jednostki": the unit is active again, the owner's profile in it is no longer blocked. */
export function unitProfileRestored(p: { unitName: string; statusLabel: string; portalUrl: string }): MailContent {
  const text =
    'Dzień dobry,\n\n' +
    `informujemy, że jednostka ${p.unitName} jest ponownie aktywna w Systemie Statystyki w Ochronie Zdrowia. ` +
    `Twój profil dla tej jednostki nie jest już zablokowany; jego status to „${p.statusLabel}”.\n\n` +
    'Status profili możesz sprawdzić w Systemie Statystyki w Ochronie Zdrowia w sekcji Moje konto.\n' +
    `Aby zalogować się do systemu SSOZ II kliknij w link: ${p.portalUrl}\n\n${FOOTER_TEXT}\n`;
  return {
    subject: `Jednostka ${p.unitName} jest ponownie aktywna`,
    text,
    html: html([
      'Dzień dobry,',
      `informujemy, że jednostka <strong>${escapeHtml(p.unitName)}</strong> jest ponownie aktywna w Systemie Statystyki w Ochronie Zdrowia. Twój profil dla tej jednostki nie jest już zablokowany; jego status to „${escapeHtml(p.statusLabel)}”.`,
      'Status profili możesz sprawdzić w Systemie Statystyki w Ochronie Zdrowia w sekcji <strong>Moje konto</strong>.',
      `Aby zalogować się do systemu SSOZ II kliknij w link: <a href="${escapeHtml(p.portalUrl)}">${escapeHtml(p.portalUrl)}</a>`,
    ]),
  };
}

/** After an administrator blocks a profile (Zarządzanie → Użytkownicy): the unit and the reason. */
export function profileBlocked(p: { unitName: string; reason: string; portalUrl: string }): MailContent {
  const text =
    'Dzień dobry,\n\n' +
    `informujemy, że Twój profil w jednostce ${p.unitName} w Systemie Statystyki w Ochronie Zdrowia został zablokowany przez administratora.\n\n` +
    `Powód blokady:\n${p.reason}\n\n` +
    'Do czasu odblokowania nie możesz pracować w tym profilu. Jeśli masz pytania, skontaktuj się z administratorem lub z pomocą techniczną.\n' +
    `Aby zalogować się do systemu SSOZ II kliknij w link: ${p.portalUrl}\n\n${FOOTER_TEXT}\n`;
  return {
    subject: `Profil w jednostce ${p.unitName} został zablokowany`,
    text,
    html: html([
      'Dzień dobry,',
      `informujemy, że Twój profil w jednostce <strong>${escapeHtml(p.unitName)}</strong> w Systemie Statystyki w Ochronie Zdrowia został zablokowany przez administratora.`,
      `<strong>Powód blokady:</strong><br>${escapeHtml(p.reason).replace(/\n/g, '<br>')}`,
      'Do czasu odblokowania nie możesz pracować w tym profilu. Jeśli masz pytania, skontaktuj się z administratorem lub z pomocą techniczną.',
      `Aby zalogować się do systemu SSOZ II kliknij w link: <a href="${escapeHtml(p.portalUrl)}">${escapeHtml(p.portalUrl)}</a>`,
    ]),
  };
}

/** After an administrator unblocks a profile: the status it has now. */
export function profileUnblocked(p: { unitName: string; statusLabel: string; reason: string; portalUrl: string }): MailContent {
  const text =
    'Dzień dobry,\n\n' +
    `informujemy, że Twój profil w jednostce ${p.unitName} w Systemie Statystyki w Ochronie Zdrowia został odblokowany przez administratora.\n\n` +
    `Obecny status profilu:\n${p.statusLabel}\n\n` +
    `Uzasadnienie:\n${p.reason}\n\n` +
    `Aby zalogować się do systemu SSOZ II kliknij w link: ${p.portalUrl}\n\n${FOOTER_TEXT}\n`;
  return {
    subject: `Profil w jednostce ${p.unitName} został odblokowany`,
    text,
    html: html([
      'Dzień dobry,',
      `informujemy, że Twój profil w jednostce <strong>${escapeHtml(p.unitName)}</strong> w Systemie Statystyki w Ochronie Zdrowia został odblokowany przez administratora.`,
      `<strong>Obecny status profilu:</strong><br>${escapeHtml(p.statusLabel)}`,
      `<strong>Uzasadnienie:</strong><br>${escapeHtml(p.reason).replace(/\n/g, '<br>')}`,
      `Aby zalogować się do systemu SSOZ II kliknij w link: <a href="${escapeHtml(p.portalUrl)}">${escapeHtml(p.portalUrl)}</a>`,
    ]),
  };
}

/** After an administrator takes back one approved role of a profile: the role, the request and the reason. */
export function roleRevoked(p: { number: string; roleName: string; unitName: string; reason: string; portalUrl: string }): MailContent {
  const text =
    'Dzień dobry,\n\n' +
    `informujemy, że administrator odebrał Ci rolę ${p.roleName} (wniosek o numerze ${p.number}) w jednostce ${p.unitName}.\n\n` +
    `Powód odebrania roli:\n${p.reason}\n\n` +
    'Uprawnienia tej roli nie są już dostępne. Aktywne role możesz sprawdzić w Systemie Statystyki w Ochronie Zdrowia w sekcji Moje konto.\n' +
    `Aby zalogować się do systemu SSOZ II kliknij w link: ${p.portalUrl}\n\n${FOOTER_TEXT}\n`;
  return {
    subject: `Odebrano rolę ${p.roleName} (${p.number})`,
    text,
    html: html([
      'Dzień dobry,',
      `informujemy, że administrator odebrał Ci rolę <strong>${escapeHtml(p.roleName)}</strong> (wniosek o numerze <strong>${escapeHtml(p.number)}</strong>) w jednostce <strong>${escapeHtml(p.unitName)}</strong>.`,
      `<strong>Powód odebrania roli:</strong><br>${escapeHtml(p.reason).replace(/\n/g, '<br>')}`,
      'Uprawnienia tej roli nie są już dostępne. Aktywne role możesz sprawdzić w Systemie Statystyki w Ochronie Zdrowia w sekcji <strong>Moje konto</strong>.',
      `Aby zalogować się do systemu SSOZ II kliknij w link: <a href="${escapeHtml(p.portalUrl)}">${escapeHtml(p.portalUrl)}</a>`,
    ]),
  };
}

/** "Sprawozdania": a decision on a unit's report (returned for correction, approved, a correction opened). */
export function reportDecision(p: {
  outcome: 'zwrocone' | 'zatwierdzone' | 'korekta';
  form: string;
  title: string;
  year: number;
  unitName: string;
  /** the verifier's general comment, or the reason of a correction */
  comment: string | null;
  reportUrl: string;
}): MailContent {
  const what =
    p.outcome === 'zwrocone'
      ? 'zostało zwrócone do korekty przez jednostkę weryfikującą. Popraw je i wyślij ponownie'
      : p.outcome === 'korekta'
        ? 'zostało otwarte do korekty przez jednostkę weryfikującą (nowa wersja sprawozdania). Popraw je i wyślij ponownie'
        : 'zostało zatwierdzone. Nie wymaga dalszych działań';
  const subject =
    p.outcome === 'zwrocone'
      ? `Sprawozdanie ${p.form} za ${p.year} zwrócone do korekty`
      : p.outcome === 'korekta'
        ? `Otwarto korektę sprawozdania ${p.form} za ${p.year}`
        : `Sprawozdanie ${p.form} za ${p.year} zatwierdzone`;
  const commentLine = p.comment ? `Uwagi: ${p.comment}` : '';
  const text =
    'Dzień dobry,\n\n' +
    `informujemy, że sprawozdanie ${p.form} – ${p.title} za rok ${p.year} jednostki ${p.unitName} ${what}.\n` +
    (commentLine ? `${commentLine}\n` : '') +
    `\nSprawozdanie: ${p.reportUrl}\n\n${FOOTER_TEXT}\n`;
  return {
    subject,
    text,
    html: html([
      'Dzień dobry,',
      `informujemy, że sprawozdanie <strong>${escapeHtml(p.form)} – ${escapeHtml(p.title)}</strong> za rok ${p.year} jednostki <strong>${escapeHtml(p.unitName)}</strong> ${what}.`,
      ...(commentLine ? [escapeHtml(commentLine)] : []),
      `Sprawozdanie: <a href="${escapeHtml(p.reportUrl)}">${escapeHtml(p.reportUrl)}</a>`,
    ]),
  };
}
