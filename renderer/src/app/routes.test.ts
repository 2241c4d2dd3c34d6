import { describe, expect, it } from "vitest";
import { parseRoute } from "./routes";

describe("parseRoute", () => {
  it("reads every page of the app", () => {
    expect(parseRoute("")).toEqual({ page: "register", needsReview: false });
    expect(parseRoute("#/")).toEqual({ page: "register", needsReview: false });
    expect(parseRoute("#/?review=1")).toEqual({ page: "register", needsReview: true });
    expect(parseRoute("#/contracts/new")).toEqual({ page: "new" });
    expect(parseRoute("#/contracts/12")).toEqual({ page: "contract", id: 12 });
    expect(parseRoute("#/contracts/12/edit")).toEqual({ page: "edit", id: 12 });
    expect(parseRoute("#/import")).toEqual({ page: "import" });
    expect(parseRoute("#/reminders")).toEqual({ page: "reminders" });
    expect(parseRoute("#/settings")).toEqual({ page: "settings" });
    expect(parseRoute("#/templates")).toEqual({ page: "templates" });
    expect(parseRoute("#/templates/3")).toEqual({ page: "template", id: 3 });
    expect(parseRoute("#/clauses")).toEqual({ page: "clauses" });
    expect(parseRoute("#/reports")).toEqual({ page: "reports" });
    expect(parseRoute("#/sync/conflicts")).toEqual({ page: "conflicts" });
    expect(parseRoute("#/tasks")).toEqual({ page: "tasks" });
    expect(parseRoute("#/questionnaires")).toEqual({ page: "questionnaires" });
    expect(parseRoute("#/questionnaires/4")).toEqual({ page: "questionnaire", id: 4 });
  });

  it("sends anything else to the not-found page", () => {
    expect(parseRoute("#/contracts/0")).toEqual({ page: "notFound" });
    expect(parseRoute("#/contracts/abc")).toEqual({ page: "notFound" });
    expect(parseRoute("#/contracts/1/delete")).toEqual({ page: "notFound" });
    expect(parseRoute("#/elsewhere")).toEqual({ page: "notFound" });
    expect(parseRoute("#/templates/x")).toEqual({ page: "notFound" });
    expect(parseRoute("#/templates/3/edit")).toEqual({ page: "notFound" });
    expect(parseRoute("#/clauses/2")).toEqual({ page: "notFound" });
    expect(parseRoute("#/tasks/2")).toEqual({ page: "notFound" });
    expect(parseRoute("#/reports/2")).toEqual({ page: "notFound" });
    expect(parseRoute("#/questionnaires/0")).toEqual({ page: "notFound" });
    expect(parseRoute("#/questionnaires/4/x")).toEqual({ page: "notFound" });
  });
});
