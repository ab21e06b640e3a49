// The name (`type`) of every message the extension's contexts send each other, in one place.
// Zod-free, like guards.ts: the content scripts use it. The schemas are in messages.ts.
//
//   message                sender → receiver                        reply
//   where-am-i             popup, background → console content      WhereAmIReply (the page's readings)
//   identity-report        console content → background             { report } (the banner's "Why?")
//   banner-index-refresh   console content → background             { ok: true }
//   switch-role            popup → background                       SwitchOutcome
//   switch-autosubmit      sign-in content → background             SwitchAutosubmitReply
//   catalogue:rebuild      extension pages → background             { ok: true }
//   session-seen           console content → background             { ok: true } (the tab's session, issue 13)
//   session-status         banner's session chip → background       SessionBanner (countdown or first seen)
//   session-renew          banner's session chip → background       SwitchOutcome (the same switch again)
//   sessions               popup → background                       SessionsOverview
//   basis                  popup → background                       Basis (who signed in on the tab, issue 15 §2)
//   switch-back            popup → background                       SwitchOutcome (back to that sign-in)
export const MESSAGE = {
  whereAmI: 'where-am-i',
  identityReport: 'identity-report',
  bannerIndexRefresh: 'banner-index-refresh',
  switchRole: 'switch-role',
  switchAutosubmit: 'switch-autosubmit',
  catalogueRebuild: 'catalogue:rebuild',
  sessionSeen: 'session-seen',
  sessionStatus: 'session-status',
  sessionRenew: 'session-renew',
  sessions: 'sessions',
  basis: 'basis',
  switchBack: 'switch-back',
} as const;

export type MessageType = (typeof MESSAGE)[keyof typeof MESSAGE];
