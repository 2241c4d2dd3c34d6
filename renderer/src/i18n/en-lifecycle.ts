/** English messages of the lifecycle timeline, key dates and reminders. */
import type { frKeyDates, frLifecycle, frReminders } from "./fr-lifecycle";

export const enLifecycle: typeof frLifecycle = {
  title: "Lifecycle",
  passed: "Passed stages",
  current: "Current stage",
  upcoming: "Upcoming stages",
  noUpcoming: "No stage to come.",
  passedItem: "From {{from}} to {{to}}, {{count}} day(s)",
  enteredOn: "Since {{date}} ({{count}} day(s))",
  dueOn: "Due: {{date}}",
  noDue: "No due date",
  late: "{{count}} day(s) late",
  responsible: "Responsible: {{name}}",
  nobody: "Nobody responsible",
  moveTitle: "Move",
  moveTo: "New stage",
  comment: "Comment (optional)",
  move: "Move",
  moved: "Stage changed.",
  confirmTitle: "Skip required stages?",
  confirmText: "This move skips the following required stages:",
  confirm: "Confirm the move",
};

export const enKeyDates: typeof frKeyDates = {
  title: "Key dates",
  none: "No key date to compute for this contract.",
};

export const enReminders: typeof frReminders = {
  title: "Reminders",
  empty: "No reminder in the next 90 days.",
  groups: {
    overdue: "Late",
    due: "Due",
    upcoming: "Upcoming",
    snoozed: "Snoozed",
  },
  kinds: {
    notice_deadline: "Notice deadline",
    decision_date: "Decision date",
    term_end: "Term end",
    stage_due: "Stage due date",
    custom: "Custom date",
  },
  contract: "Contract",
  kind: "Kind",
  dueDate: "Due date",
  fireAt: "Reminds at",
  actions: "Actions",
  snoozeDay: "Snooze for a day",
  snoozeWeek: "Snooze for a week",
  dismiss: "Dismiss",
  snoozed: "Reminder snoozed.",
  dismissed: "Reminder dismissed.",
  dismissTitle: "Dismiss this reminder",
  reason: "Reason",
  enableNotifications: "Turn on desktop notifications",
  notificationsOn: "Desktop notifications are on.",
  notificationsDenied: "The browser refused desktop notifications.",
  fired: "Reminder: {{kind}}",
  firedText: "{{title}} — due {{date}}",
  open: "Open the contract",
};
