// The portal's services, built once in bootstrap and handed to buildApp: each takes (ctx, input).
import type { ServiceDeps } from './context.ts';
import { accountService } from './features/account/service.ts';
import { homeService } from './features/home/service.ts';
import { profileService } from './features/profile/service.ts';
import { contactService } from './features/contact/service.ts';
import { attachmentService } from './features/attachments/service.ts';
import { requestService } from './features/request/service.ts';
import { reminderService } from './features/reminders/service.ts';
import { transferService } from './features/transfer/service.ts';
import { managementAuditService } from './management/audit/service.ts';
import { managementReportService } from './management/reports/service.ts';
import { managementAnnouncementService } from './management/announcements/service.ts';
import { managementDeadlineService } from './management/deadlines/service.ts';
import { managementDictionaryService } from './management/dictionaries/service.ts';
import { managementRequestService } from './management/requests/service.ts';
import { managementUnitService } from './management/units/service.ts';
import { managementUserService } from './management/users/service.ts';
import { reportingService } from './reporting/service.ts';
import { reportingObligationService } from './reporting/obligations.ts';

export function createServices(deps: ServiceDeps) {
  return {
    account: accountService(deps),
    home: homeService(deps),
    profiles: profileService(deps),
    contact: contactService(deps),
    attachments: attachmentService(deps),
    requests: requestService(deps),
    reminders: reminderService(deps),
    transfer: transferService(deps),
    reporting: {
      reports: reportingService(deps),
      obligations: reportingObligationService(deps),
    },
    management: {
      requests: managementRequestService(deps),
      users: managementUserService(deps),
      units: managementUnitService(deps),
      audit: managementAuditService(deps),
      reports: managementReportService(deps),
      dictionaries: managementDictionaryService(deps),
      announcements: managementAnnouncementService(deps),
      deadlines: managementDeadlineService(deps),
    },
  };
}

export type Services = ReturnType<typeof createServices>;
