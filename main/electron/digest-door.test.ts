import { describe, expect, it } from "vitest";
import type { FiredDigest } from "../../shared/domain/digests";
import { planDigestNotification } from "./digest-door";

const fired: FiredDigest = {
  seq: 3,
  day: "2027-01-04",
  firedAt: "2027-01-04T08:00:00.000Z",
  late: true,
  digest: {
    personId: 1,
    person: "Anne Durand",
    today: "2027-01-04",
    late: [
      {
        contractId: 1,
        title: "Bail",
        reference: null,
        stage: "draft",
        dueDate: "2027-01-01",
        daysLate: 3,
      },
    ],
    dueSoon: [],
    endingWithin30: 2,
    noticeDueWithin30: 1,
  },
};

describe("digest notifications", () => {
  it("names the person, says late, and sums up what is late and due", () => {
    expect(planDigestNotification(fired, "fr")).toEqual({
      title: "Synthèse Pacta — Anne Durand (en retard)",
      body:
        "1 étape en retard ; sous 30 jours : " +
        "0 échéances d'étape, 2 fins de contrat, 1 préavis.",
    });
    expect(planDigestNotification({ ...fired, late: false }, "en")).toEqual({
      title: "Pacta digest — Anne Durand",
      body: "1 late stage; within 30 days: 0 stage deadlines, 2 contracts ending, 1 notice due.",
    });
  });
});
