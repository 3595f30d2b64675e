// What the generated application PDF prints for one submission: the applicant as its requests' owner,
// the unit, the requested roles and the verifying unit of the first request. The applicant's own download
// and a verifier's copy (Zarządzanie) print the same document from here.
import { asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { profiles, requestSubmissions, roleRequests, roles, units, users } from '../schema/index.ts';
import type { ApplicationPdfData } from '../../pdf/application.ts';
import { getUnitForRequest } from './unit-search.ts';

export async function applicationPdfData(
  db: DbOrTx,
  submissionId: string,
  at: { printedAt: Date; systemUrl: string },
): Promise<{ fileName: string; data: ApplicationPdfData }> {
  const [submission] = await db.select().from(requestSubmissions).where(eq(requestSubmissions.id, submissionId));
  if (!submission) throw new Error('submission missing');
  const requests = await db
    .select({ number: roleRequests.number, roleName: roles.name, roleDescription: roles.description, verifyingUnitId: roleRequests.verifyingUnitId })
    .from(roleRequests)
    .innerJoin(roles, eq(roles.code, roleRequests.roleCode))
    .where(eq(roleRequests.submissionId, submissionId))
    .orderBy(asc(roleRequests.year), asc(roleRequests.seq));
  const [user] = await db.select().from(users).where(eq(users.id, submission.userId));
  const [profile] = await db.select({ unitId: profiles.unitId }).from(profiles).where(eq(profiles.id, submission.profileId));
  const unit = profile ? await getUnitForRequest(db, profile.unitId) : null;
  const verifierIds = [...new Set(requests.map((r) => r.verifyingUnitId))];
  const verifierRows = verifierIds.length
    ? await db.select({ id: units.id, name: units.name, email: units.email }).from(units).where(inArray(units.id, verifierIds))
    : [];
  const verifier = verifierRows.find((v) => v.id === requests[0]?.verifyingUnitId) ?? verifierRows[0];
  if (!user || !unit || !verifier) throw new Error('submission without its user, unit or verifier');
  return {
    fileName: `Wniosek_${requests[0]?.number.replace('/', '-') ?? 'wniosek'}.pdf`,
    data: {
      verifier: { name: verifier.name, email: verifier.email ?? '' },
      user: { login: user.login ?? '', lastName: user.lastName, firstName: user.firstName, phone: submission.contactPhone, email: submission.contactEmail },
      unit: {
        kindName: unit.kindName,
        name: unit.name,
        nip: unit.nip,
        regon: unit.regon,
        registryBookNo: unit.registryBookNo,
        teryt: unit.teryt,
        voivodeship: unit.voivodeship,
        powiat: unit.powiat,
        gmina: unit.gmina,
        locality: unit.locality,
        postalCode: unit.postalCode,
        street: unit.street,
        buildingNo: unit.buildingNo,
        phone: unit.phone,
        email: unit.email,
      },
      requests: requests.map((r) => ({ roleName: r.roleName, roleDescription: r.roleDescription, number: r.number })),
      printedAt: at.printedAt,
      systemUrl: at.systemUrl,
    },
  };
}
