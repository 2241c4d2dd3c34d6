import { describe, expect, it } from "vitest";
import type { Reminder } from "../../../shared/api/reminders";
import { groupOf, groupReminders } from "./reminder-groups";

const base: Reminder = {
  key: "1:notice_deadline:2027-01-10:7",
  contractId: 1,
  contractTitle: "A",
  contractReference: null,
  kind: "notice_deadline",
  label: null,
  dueDate: "2027-01-10",
  leadDays: 7,
  fireAt: "2027-01-03T08:00:00.000Z",
  state: "pending",
  late: false,
  firedAt: null,
  snoozedUntil: null,
  dismissedReason: null,
};
const now = new Date("2027-01-05T12:00:00Z");

describe("groupOf", () => {
  it("puts snoozed reminders apart whatever their dates", () => {
    expect(groupOf({ ...base, state: "snoozed", dueDate: "2026-12-01" }, "2027-01-05", now)).toBe(
      "snoozed",
    );
  });
  it("calls a passed date overdue", () => {
    expect(groupOf({ ...base, dueDate: "2027-01-04" }, "2027-01-05", now)).toBe("overdue");
  });
  it("calls a fired or past-fire-time reminder due", () => {
    expect(groupOf(base, "2027-01-05", now)).toBe("due");
    expect(
      groupOf({ ...base, state: "fired", fireAt: "2027-02-01T08:00:00Z" }, "2027-01-05", now),
    ).toBe("due");
  });
  it("calls a later fire time upcoming", () => {
    expect(groupOf({ ...base, fireAt: "2027-01-09T08:00:00Z" }, "2027-01-05", now)).toBe(
      "upcoming",
    );
  });
});

describe("groupReminders", () => {
  it("keeps every reminder in exactly one group", () => {
    const groups = groupReminders([base, { ...base, state: "snoozed" }], "2027-01-05", now);
    expect(groups.due).toHaveLength(1);
    expect(groups.snoozed).toHaveLength(1);
    expect(groups.overdue).toHaveLength(0);
  });
});
