import type { FastifyReply, FastifyRequest } from 'fastify';
import { cellsOf } from '../../domain/reporting/definition.ts';
import { frameOf, type SignedInApp } from '../actor/scope.ts';
import { ctxOf } from '../context.ts';
import { reportingMessages as m } from './messages.ts';
import {
  AREA_PATH,
  DiffPage,
  ReportListPage,
  ReportPage,
  reportPath,
  SectionPage,
  sectionPath,
  SubmitPage,
  SURVEY_PATH,
  SurveyPage,
  UnitYearPage,
  unitYearPath,
  VersionPage,
} from './pages.tsx';
import { DiffQuery, UnitYearParams, explanationsIn, field, IdParams, ListQuery, ReportQuery, revisionOf, SectionParams, VersionParams } from './schema.ts';
import { hasForbiddenChars, inputMessages, noteInputAttempt } from '../http/input.ts';
import { COMMENT_MAX, EXPLANATION_MAX, sectionValuesFrom } from './service.ts';
import { explanationName } from '../../views/components/ReportForm/ids.ts';
import { AppError } from '../../lib/errors.ts';

const NOTICES: Record<string, string> = {
  zapisano: m.saved,
  wyslano: m.submitted,
  zatwierdzono: m.approved,
  przekazano: m.approvedLevel,
  zwrocono: m.returned,
  korekta: m.reopened,
  ankieta: m.surveyDone,
  'ankieta-byla': m.surveyAlready,
  'juz-wyslano': m.alreadySubmitted,
  'juz-zdecydowano': m.alreadyDecided,
  'juz-korekta': m.alreadyReopened,
  'tylko-podglad': m.readOnlyNow,
  'zwrocono-nizej': m.returnedDown,
};

const isConflict = (e: unknown): boolean => e instanceof AppError && e.code === 'CONFLICT';

/**
 * A change sent from a page older than the report (another window, another person, a second click):
 * 'stale' instead of the error page, so the route can show what happened and keep what was typed.
 */
async function unlessStale<T>(f: () => Promise<T>): Promise<T | 'stale'> {
  try {
    return await f();
  } catch (e) {
    if (isConflict(e)) return 'stale';
    throw e;
  }
}

/** The notice named by `?wynik=`; only the object's own keys (`?wynik=constructor` is not a notice). */
const noticeOf = (key: string): string | undefined => (Object.hasOwn(NOTICES, key) ? NOTICES[key] : undefined);

const REASON_MAX = 1000;

/**
 * Text typed into a comment, an explanation or a reason (multi-line): refused when it holds what the
 * portal never accepts (control characters other than tab and line breaks, bidirectional overrides:
 * src/lib/input.ts) or is too long.
 */
function checkText(name: string, v: string, max: number, tooLong: string): string | undefined {
  if (hasForbiddenChars(v, true)) {
    noteInputAttempt(name, 'forbidden_chars');
    return inputMessages.forbiddenChars;
  }
  if ([...v].length > max) return tooLong;
  return undefined;
}

/** "Sprawozdania …" and the ankieta (signed-in scope). Non-financial reports only for now: part 2 adds the other areas. */
export async function reportingRoutes(app: SignedInApp): Promise<void> {
  const s = () => app.deps.services.reporting.reports;
  const o = () => app.deps.services.reporting.obligations;

  // signed in with active profiles but none chosen yet (several of them): the home page picks or asks, as for any module
  app.addHook('preHandler', async (req, reply) => {
    const a = req.actor;
    if (reply.sent || !a || a.profile || a.activeProfiles.length === 0 || !req.url.startsWith('/sprawozdania')) return;
    return reply.redirect('/start', 303);
  });

  app.get(AREA_PATH.niefinansowe, { schema: { querystring: ListQuery } }, async (req, reply) => {
    const ctx = ctxOf(req);
    const q = req.query;
    const survey = await o().state(ctx);
    const view = await s().list(ctx, {
      area: 'niefinansowe',
      status: q.status === 'wszystkie' ? '' : q.status,
      form: q.formularz,
      year: q.rok ? Number(q.rok) : null,
      unit: q.jednostka,
      timeliness: q.terminowosc,
      sort: q.sortuj,
      page: q.strona,
      pageSize: Number(q.ile),
    });
    const counts = await s().counts(ctx, 'niefinansowe');
    return reply.html(
      ReportListPage({
        frame: frameOf(req, reply),
        area: 'niefinansowe',
        q: { ...q, strona: view.page },
        rows: view.rows,
        total: view.total,
        counts,
        options: view.options,
        verifier: view.verifier,
        searchOnly: view.searchOnly,
        surveyDue: survey.kind === 'due',
        notice: noticeOf(q.wynik),
      }),
    );
  });

  // ── the ankieta ──
  app.get(SURVEY_PATH, async (req, reply) => {
    const ctx = ctxOf(req);
    const st = await o().state(ctx);
    if (st.kind !== 'due') return reply.redirect(`${AREA_PATH.niefinansowe}${st.kind === 'answered' ? '?wynik=ankieta-byla' : ''}`, 303);
    return reply.html(SurveyPage({ frame: frameOf(req, reply), year: st.year, unitName: st.unitName, questions: st.questions, values: {} }));
  });

  app.post(SURVEY_PATH, async (req, reply) => {
    const ctx = ctxOf(req);
    const st = await o().state(ctx);
    if (st.kind !== 'due') return reply.redirect(`${AREA_PATH.niefinansowe}?wynik=ankieta-byla`, 303);
    const values: Record<string, string> = {};
    const errors: Record<string, string> = {};
    const answers: Record<string, 'T' | 'N'> = {};
    for (const q of st.questions) {
      const v = field(req.body, q.code);
      if (v === 'T' || v === 'N') {
        values[q.code] = v;
        answers[q.code] = v;
      } else errors[q.code] = m.surveyAnswerRequired;
    }
    if (Object.keys(errors).length) {
      const summary = st.questions.filter((q) => errors[q.code]).map((q) => ({ href: `#f-${q.code}`, text: `${q.text} — ${errors[q.code]}` }));
      return reply.html(
        SurveyPage({ frame: frameOf(req, reply), year: st.year, unitName: st.unitName, questions: st.questions, values, errors, summary }),
        400,
      );
    }
    const r = await o().answer(ctx, { year: st.year, answers });
    return reply.redirect(`${AREA_PATH.niefinansowe}?wynik=${r.kind === 'saved' ? 'ankieta' : 'ankieta-byla'}`, 303);
  });

  // ── one report ──
  const reportPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: Omit<Parameters<typeof ReportPage>[0], 'frame' | 'd'> = {},
    status = 200,
  ) => {
    const d = await s().get(ctxOf(req), { id });
    return reply.html(ReportPage({ frame: frameOf(req, reply), d, ...extra }), status);
  };

  app.get('/sprawozdania/:id', { schema: { params: IdParams, querystring: ReportQuery } }, async (req, reply) =>
    reportPage(req, reply, req.params.id, { notice: noticeOf(req.query.wynik) }),
  );

  app.get('/sprawozdania/:id/dzial/:section', { schema: { params: SectionParams, querystring: ReportQuery } }, async (req, reply) => {
    const d = await s().get(ctxOf(req), { id: req.params.id });
    if (!d.def.sections.some((x) => x.code === req.params.section)) return reply.callNotFound();
    // a report that cannot be filled now is shown whole, read-only
    if (!d.may.fill) return reply.redirect(`${reportPath(d.report.id)}?wynik=tylko-podglad`, 303);
    return reply.html(
      SectionPage({ frame: frameOf(req, reply), d, sectionCode: req.params.section, values: d.report.values, notice: noticeOf(req.query.wynik) }),
    );
  });

  app.post('/sprawozdania/:id/dzial/:section', { schema: { params: SectionParams } }, async (req, reply) => {
    const ctx = ctxOf(req);
    const r = await unlessStale(() => s().saveSection(ctx, { id: req.params.id, section: req.params.section, revision: revisionOf(req.body), body: req.body }));
    if (r === 'stale') {
      const d = await s().get(ctx, { id: req.params.id });
      if (!d.may.fill) return reply.redirect(`${reportPath(d.report.id)}?wynik=tylko-podglad`, 303);
      // the section as it is now (a save from here must not quietly undo the other one), and each value this page typed
      // that differs from it, listed beside the warning: nothing typed is lost, nothing is overwritten
      const typed = sectionValuesFrom(d.def, req.params.section, req.body);
      const staleDiffs = Object.entries(typed)
        .filter(([code, v]) => v !== (d.report.values[code] ?? ''))
        .map(([code, v]) => ({ code, typed: v, current: d.report.values[code] ?? '' }));
      return reply.html(
        SectionPage({ frame: frameOf(req, reply), d, sectionCode: req.params.section, values: d.report.values, warning: m.staleSection, staleDiffs }),
        409,
      );
    }
    if (r.kind === 'invalid') {
      const d = await s().get(ctx, { id: req.params.id });
      const cellErrors = Object.fromEntries(r.issues.map((i) => [i.code, i.message]));
      return reply.html(
        SectionPage({ frame: frameOf(req, reply), d, sectionCode: req.params.section, values: { ...d.report.values, ...r.typed }, cellErrors }),
        400,
      );
    }
    const after = field(req.body, 'po');
    // the saved report's own form (no second read of the report and its page: a redirect follows)
    const def = r.def;
    const i = def.sections.findIndex((x) => x.code === req.params.section);
    const next = def.sections[i + 1];
    if (after === 'dalej' && next) return reply.redirect(`${sectionPath(req.params.id, next.code)}?wynik=zapisano`, 303);
    if (after === 'sprawdz') return reply.redirect(`${reportPath(req.params.id)}/wyslij`, 303);
    return reply.redirect(`${sectionPath(req.params.id, req.params.section)}?wynik=zapisano`, 303);
  });

  app.get('/sprawozdania/:id/wyslij', { schema: { params: IdParams } }, async (req, reply) => {
    const d = await s().get(ctxOf(req), { id: req.params.id });
    if (!d.may.fill) return reply.redirect(`${reportPath(d.report.id)}?wynik=tylko-podglad`, 303);
    return reply.html(SubmitPage({ frame: frameOf(req, reply), d, validation: d.validation, explanations: d.report.explanations }));
  });

  app.post('/sprawozdania/:id/wyslij', { schema: { params: IdParams } }, async (req, reply) => {
    const ctx = ctxOf(req);
    // the warnings are known only inside the transaction (the report as it is then): every explanation typed goes
    // in, and the service takes those of its warnings, refused here for characters a form may not carry
    const typed = (d: { validation: { warnings: { code: string }[] } }) =>
      Object.fromEntries(d.validation.warnings.map((w) => [w.code, field(req.body, explanationName(w.code))]));
    const r = await unlessStale(() =>
      s().submit(ctx, {
        id: req.params.id,
        revision: revisionOf(req.body),
        explanations: explanationsIn(req.body),
        refuse: (code, v) => checkText(explanationName(code), v, EXPLANATION_MAX, m.explanationTooLong(EXPLANATION_MAX)),
      }),
    );
    if (r === 'stale') {
      const d = await s().get(ctx, { id: req.params.id });
      const explanations = typed(d);
      // a second click, or another window that sent it already: it is sent, say so
      if (!d.may.fill) {
        const sent = d.report.status === 'do_weryfikacji' || d.report.status === 'zatwierdzone';
        return reply.redirect(`${reportPath(d.report.id)}?wynik=${sent ? 'juz-wyslano' : 'tylko-podglad'}`, 303);
      }
      return reply.html(SubmitPage({ frame: frameOf(req, reply), d, validation: d.validation, explanations, warning: m.staleSubmit }), 409);
    }
    if (r.kind === 'invalid') {
      const d = await s().get(ctx, { id: req.params.id });
      return reply.html(
        SubmitPage({ frame: frameOf(req, reply), d, validation: r.validation, explanations: typed(r), explanationErrors: r.missing, refused: true }),
        400,
      );
    }
    return reply.redirect(`${reportPath(req.params.id)}?wynik=wyslano`, 303);
  });

  app.post('/sprawozdania/:id/weryfikacja', { schema: { params: IdParams } }, async (req, reply) => {
    const ctx = ctxOf(req);
    const d = await s().get(ctx, { id: req.params.id });
    const codes = new Set(
      cellsOf(d.def)
        .filter((c) => !c.na)
        .map((c) => c.code),
    );
    const decyzja = field(req.body, 'decyzja');
    const uwaga = field(req.body, 'uwaga').trim();
    const errors: Record<string, string> = {};
    const cells: { komorka: string; tresc: string }[] = [];
    const cellComments: Record<string, string> = {};
    for (const i of [1, 2, 3]) {
      const komorka = field(req.body, `komorka${i}`);
      const tresc = field(req.body, `tresc${i}`).trim();
      cells.push({ komorka: codes.has(komorka) ? komorka : '', tresc });
      if (komorka && !codes.has(komorka)) errors[`komorka${i}`] = m.unknownCell;
      else if (tresc && !komorka) errors[`komorka${i}`] = m.cellCommentWithoutCell;
      const bad = checkText(`tresc${i}`, tresc, 500, m.commentTooLong(500));
      if (bad) errors[`tresc${i}`] = bad;
      if (komorka && codes.has(komorka) && tresc && !bad) cellComments[komorka] = tresc;
    }
    if (decyzja !== 'zatwierdz' && decyzja !== 'zwroc') errors.decyzja = m.decisionRequired;
    const badComment = checkText('uwaga', uwaga, COMMENT_MAX, m.commentTooLong(COMMENT_MAX));
    if (badComment) errors.uwaga = badComment;
    if (decyzja === 'zwroc' && !uwaga && Object.keys(cellComments).length === 0 && !errors.uwaga) errors.uwaga = m.returnNeedsComment;
    if (Object.keys(errors).length) {
      if (!d.may.verify) return reply.redirect(reportPath(d.report.id), 303);
      return reportPage(req, reply, req.params.id, { verifyValues: { decyzja, uwaga, cells }, verifyErrors: errors }, 400);
    }
    const r = await unlessStale(() =>
      s().verify(ctx, {
        id: req.params.id,
        revision: revisionOf(req.body),
        decision: decyzja as 'zatwierdz' | 'zwroc',
        comment: uwaga,
        cellComments,
      }),
    );
    if (r === 'stale') {
      const now = await s().get(ctx, { id: req.params.id });
      // decided already (a second click, another window, a colleague): show where it stands
      if (!now.may.verify) return reply.redirect(`${reportPath(req.params.id)}?wynik=juz-zdecydowano`, 303);
      return reportPage(req, reply, req.params.id, { verifyValues: { decyzja, uwaga, cells }, warning: m.staleVerify }, 409);
    }
    const after = r.kind === 'done' ? r.report : null;
    const wynik =
      decyzja === 'zwroc' ? (after?.status === 'do_korekty' ? 'zwrocono' : 'zwrocono-nizej') : after?.status === 'zatwierdzone' ? 'zatwierdzono' : 'przekazano';
    return reply.redirect(`${reportPath(req.params.id)}?wynik=${wynik}`, 303);
  });

  // the address a refused decision or correction stays on: opened again (reload, bookmark), it leads to the report
  for (const sub of ['weryfikacja', 'korekta']) {
    app.get(`/sprawozdania/:id/${sub}`, { schema: { params: IdParams } }, async (req, reply) => {
      await s().get(ctxOf(req), { id: req.params.id });
      return reply.redirect(reportPath(req.params.id), 303);
    });
  }

  app.post('/sprawozdania/:id/korekta', { schema: { params: IdParams } }, async (req, reply) => {
    const ctx = ctxOf(req);
    const powod = field(req.body, 'powod').trim();
    const errors: Record<string, string> = {};
    if (!powod) errors.powod = m.reasonRequired;
    else {
      const bad = checkText('powod', powod, REASON_MAX, m.reasonTooLong(REASON_MAX));
      if (bad) errors.powod = bad;
    }
    if (Object.keys(errors).length) {
      const d = await s().get(ctx, { id: req.params.id });
      if (!d.may.reopen) return reply.redirect(reportPath(d.report.id), 303);
      return reportPage(req, reply, req.params.id, { reopenValues: { powod }, reopenErrors: errors }, 400);
    }
    const r = await unlessStale(() => s().reopen(ctx, { id: req.params.id, revision: revisionOf(req.body), reason: powod }));
    if (r === 'stale') {
      const now = await s().get(ctx, { id: req.params.id });
      if (!now.may.reopen) return reply.redirect(`${reportPath(req.params.id)}?wynik=juz-korekta`, 303);
      return reportPage(req, reply, req.params.id, { reopenValues: { powod }, warning: m.staleVerify }, 409);
    }
    return reply.redirect(`${reportPath(req.params.id)}?wynik=korekta`, 303);
  });

  app.get('/sprawozdania/:id/wersje/:version', { schema: { params: VersionParams } }, async (req, reply) => {
    const r = await s().version(ctxOf(req), { id: req.params.id, version: req.params.version });
    return reply.html(VersionPage({ frame: frameOf(req, reply), d: r.view, version: r.version }));
  });

  app.get('/sprawozdania/:id/roznice', { schema: { params: IdParams, querystring: DiffQuery } }, async (req, reply) => {
    const ctx = ctxOf(req);
    const d = await s().get(ctx, { id: req.params.id });
    const valuesOf = async (v: number) => {
      if (v === d.report.version) return d.report.values;
      const x = await s().version(ctx, { id: req.params.id, version: v });
      return x.version.values;
    };
    const [a, b] = await Promise.all([valuesOf(req.query.od), valuesOf(req.query.do)]);
    const rows = cellsOf(d.def)
      .filter((c) => (a[c.code] ?? '') !== (b[c.code] ?? ''))
      .map((c) => ({ code: c.code, label: c.label, before: a[c.code] ?? '', after: b[c.code] ?? '' }));
    return reply.html(DiffPage({ frame: frameOf(req, reply), d, from: req.query.od, to: req.query.do, rows }));
  });

  // ── a unit's ankieta and obligations, as its supervisors see and correct them ──
  const unitYearPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    params: { unitId: string; year: number },
    extra: { values?: Record<string, string>; errors?: Record<string, string>; notice?: string } = {},
    status = 200,
  ) => {
    const v = await o().unitYear(ctxOf(req), params);
    return reply.html(
      UnitYearPage({
        frame: frameOf(req, reply),
        unit: v.unit,
        year: v.year,
        questions: v.questions,
        survey: v.survey,
        reports: v.reports,
        mayCorrect: v.mayCorrect,
        values: extra.values ?? v.survey?.answers ?? {},
        errors: extra.errors,
        notice: extra.notice,
      }),
      status,
    );
  };

  app.get('/sprawozdania/jednostka/:unitId/:year', { schema: { params: UnitYearParams, querystring: ReportQuery } }, async (req, reply) =>
    unitYearPage(req, reply, req.params, {
      ...(req.query.wynik === 'zapisano' ? { notice: m.surveyCorrected } : req.query.wynik === 'pozostawiono' ? { notice: m.surveyCorrectedKeptSome } : {}),
    }),
  );

  app.post('/sprawozdania/jednostka/:unitId/:year', { schema: { params: UnitYearParams } }, async (req, reply) => {
    const ctx = ctxOf(req);
    const v = await o().unitYear(ctx, req.params);
    // who may only look (the unit's own filler) is refused by the policy (403, a security event), not sent back to the page
    if (!v.mayCorrect) await o().authorizeCorrection(ctx, req.params);
    const values: Record<string, string> = {};
    const errors: Record<string, string> = {};
    const answers: Record<string, 'T' | 'N'> = {};
    for (const q of v.questions) {
      const a = field(req.body, q.code);
      if (a === 'T' || a === 'N') {
        values[q.code] = a;
        answers[q.code] = a;
      } else errors[q.code] = m.surveyAnswerRequired;
    }
    const reason = field(req.body, 'uzasadnienie').trim();
    values.uzasadnienie = reason;
    if (!reason) errors.uzasadnienie = m.correctionReasonRequired;
    else {
      const bad = checkText('uzasadnienie', reason, 500, m.reasonTooLong(500));
      if (bad) errors.uzasadnienie = bad;
    }
    if (Object.keys(errors).length || v.questions.length === 0) return unitYearPage(req, reply, req.params, { values, errors }, 400);
    const r = await o().correct(ctx, { ...req.params, answers, reason });
    return reply.redirect(`${unitYearPath(req.params.unitId, req.params.year)}?wynik=${r.kept.length ? 'pozostawiono' : 'zapisano'}`, 303);
  });
}
