import { expect, it } from "vitest";
import { sectionHeading } from "./contract-pdf";

it("numbers a section unless its title already carries a number", () => {
  const kept = [
    "Article 3. Prix",
    "Article 12 – Résiliation",
    "ARTICLE IV - DURÉE",
    "Section 2.1 Définitions",
    "3. Prix",
    "4.2 Prix et paiement",
    "12) Durée",
    "IV. Durée",
  ];
  for (const title of kept) expect(sectionHeading(title, 6)).toBe(title);
  expect(sectionHeading("Objet", 0)).toBe("1. Objet");
  expect(sectionHeading("  Durée ", 1)).toBe("2. Durée");
  expect(sectionHeading("2024 : budget annuel", 2)).toBe("3. 2024 : budget annuel");
  expect(sectionHeading("CV du consultant", 3)).toBe("4. CV du consultant");
  expect(sectionHeading("Articles livrés", 4)).toBe("5. Articles livrés");
});
