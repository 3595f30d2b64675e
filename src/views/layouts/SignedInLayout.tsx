import type { PropsWithChildren } from '@kitajs/html';
import { UserMenu, type MenuProfile } from '../components/UserMenu.tsx';
import { Layout, type LayoutProps } from './Layout.tsx';

/** What every page of a signed-in user needs: the name for the menu, a CSRF token, the timeout warning. */
export interface SignedInFrame {
  userName: string;
  csrf: string;
  session: { idleExpiresAt: string; csrf: string } | undefined;
  /** active profiles for "Twoje aktywne profile" and the one the user works in now */
  profiles: MenuProfile[];
  currentProfileId: string | null;
  /** the profile worked in opens "Zarządzanie" (the menu links to it) */
  management?: boolean;
}

/** The portal layout with the user menu ("Wyloguj się") and the session-timeout warning. */
export function SignedInLayout(props: PropsWithChildren<Omit<LayoutProps, 'headerRight' | 'session'> & { frame: SignedInFrame }>): JSX.Element {
  const { frame, children, ...rest } = props;
  return (
    <Layout
      {...rest}
      headerRight={
        <UserMenu
          name={frame.userName}
          csrf={frame.csrf}
          profiles={frame.profiles}
          currentProfileId={frame.currentProfileId}
          management={frame.management ?? false}
        />
      }
      session={frame.session}
    >
      {children}
    </Layout>
  );
}

/**
 * The layout of a page anyone may open (help, sitemap, contact, error pages): with the user menu
 * when a signed-in user opens it, with the anonymous header otherwise. `frame` is null for visitors.
 */
export function PortalLayout(
  props: PropsWithChildren<Omit<LayoutProps, 'headerRight' | 'session'> & { frame?: SignedInFrame | null | undefined }>,
): JSX.Element {
  const { frame, children, ...rest } = props;
  const safeContent = children ?? '';
  return frame ? (
    <SignedInLayout {...rest} frame={frame}>
      {safeContent}
    </SignedInLayout>
  ) : (
    <Layout {...rest}>{safeContent}</Layout>
  );
}
