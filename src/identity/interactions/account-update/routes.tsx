import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { validateForm } from '../../../lib/forms.ts';
import { recordIdentityAudit } from '../../audit.ts';
import { accountMessages, isEmailTaken, isLoginTaken, updateAccountInfo, type AccountRow } from '../../account/service.ts';
import { requestMeta, type UidParams } from '../flow.ts';
import { readForm } from '../input.ts';
import { identityFormMessages } from '../messages.ts';
import { authenticatedOf } from '../scope.ts';
import { UPDATE_FIELDS, UpdateAccountPage } from './pages.tsx';
import { UPDATE_LABELS, UpdateForm, updateMessages } from './schema.ts';
import { csrfToken } from '../../../lib/csrf.ts';
import { summaryOf } from '../../../lib/input.ts';

/** "Zaktualizuj informacje konta": login and e-mail of a new or migrated account, then the activation e-mail. */
export async function accountUpdateRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.deps.database.db;
  const now = () => app.deps.now();
  const step = { config: { ueozStep: 'update_required' as const } };

  const page = (req: FastifyRequest<UidParams>, reply: FastifyReply, acc: AccountRow, extra: Partial<Parameters<typeof UpdateAccountPage>[0]> = {}) =>
    UpdateAccountPage({
      uid: req.params.uid,
      csrf: csrfToken(reply),
      firstName: acc.firstName,
      lastName: acc.lastName,
      pesel: acc.pesel,
      migrated: Boolean(acc.eplozAccountId),
      values: { login: acc.login ?? '', email: acc.email ?? '', email2: acc.email ?? '' },
      ...extra,
    });

  app.get<UidParams>('/ueoz/logowanie/:uid/konto', step, async (req, reply) => reply.html(page(req, reply, authenticatedOf(req).account)));

  app.post<UidParams>('/ueoz/logowanie/:uid/konto', step, async (req, reply) => {
    const { account, base } = authenticatedOf(req);
    const refuse = async (errors: Record<string, string>, values: Record<string, string>) => {
      const summary = [...(errors._form ? [{ href: '#f-login', text: errors._form }] : []), ...summaryOf({ ...errors, _form: undefined }, UPDATE_FIELDS)];
      await recordIdentityAudit(db(), {
        action: 'account.update',
        outcome: 'failure',
        accountId: account.id,
        ip: req.ip,
        requestId: req.id,
        details: { fields: Object.keys(errors) },
      });
      return reply.html(page(req, reply, account, { values, errors, summary }), 400);
    };

    const input = readForm(req.body, UPDATE_LABELS);
    const values = Object.fromEntries(Object.entries(input.values).filter((e): e is [string, string] => typeof e[1] === 'string'));
    if (!input.ok)
      return refuse({ ...(input.errors as Record<string, string>), ...(input.errors._form ? { _form: identityFormMessages.formUnreadable } : {}) }, values);

    const result = validateForm(UpdateForm, input.values, UPDATE_FIELDS);
    const errors: Record<string, string> = { ...result.fieldErrors };
    // cross-field and database rules run even when another field is wrong, so all errors show at once
    const email = input.values.email.trim().toLowerCase();
    const email2 = input.values.email2.trim().toLowerCase();
    if (email && email2 && email !== email2 && !errors.email2) errors.email2 = updateMessages.emailsDiffer;
    const login = input.values.login.trim();
    if (!errors.login && login && (await isLoginTaken(db(), login, account.id))) errors.login = accountMessages.loginTaken;
    if (!errors.email && email && (await isEmailTaken(db(), email, account.id))) errors.email = accountMessages.emailTaken;
    if (!result.ok || !result.data || Object.keys(errors).length) return refuse(errors, values);

    const saved = await updateAccountInfo(
      { db: db(), outbox: app.deps.outbox, publicUrl: app.deps.config.publicUrl },
      { accountId: account.id, login: result.data.login, email: result.data.email, now: now(), meta: requestMeta(req) },
    );
    // someone took the login or the address between the check above and the save
    if (!saved.ok) return refuse({ ...saved.errors }, values);
    return reply.redirect(`${base}/aktywacja`, 303);
  });
}
