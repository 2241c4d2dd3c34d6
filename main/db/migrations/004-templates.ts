import type { Migration } from "../migrate";

/**
 * Templates, their versions, the clause library and the text each contract
 * carries (issue 4).
 *
 * `template_versions` is append-only: every save adds a version, and a
 * restore saves an old content again as a new one. `templates` holds what
 * lists need (name, language, the newest version) so that they never parse
 * a version's JSON.
 */
export const templates: Migration = {
  version: 4,
  name: "templates",
  up: `
    CREATE TABLE templates (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      language TEXT NOT NULL CHECK (language IN ('fr', 'en')),
      archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
      current_version INTEGER NOT NULL CHECK (current_version >= 1),
      section_count INTEGER NOT NULL,
      field_count INTEGER NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE template_versions (
      id INTEGER PRIMARY KEY,
      template_id INTEGER NOT NULL REFERENCES templates (id),
      version INTEGER NOT NULL CHECK (version >= 1),
      content TEXT NOT NULL CHECK (json_valid(content)),
      saved_at TEXT NOT NULL,
      saved_by TEXT NOT NULL,
      note TEXT
    ) STRICT;
    CREATE UNIQUE INDEX template_versions_by_template
      ON template_versions (template_id, version);
    CREATE TRIGGER template_versions_no_update BEFORE UPDATE ON template_versions
    BEGIN SELECT RAISE(ABORT, 'template_versions is append-only'); END;
    CREATE TRIGGER template_versions_no_delete BEFORE DELETE ON template_versions
    BEGIN SELECT RAISE(ABORT, 'template_versions is append-only'); END;

    CREATE TABLE clauses (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      tags TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags)),
      status TEXT NOT NULL CHECK (status IN ('approved', 'fallback')),
      language TEXT NOT NULL CHECK (language IN ('fr', 'en')),
      body TEXT NOT NULL,
      -- Name, tags and the body's text, folded (lower case, no accents), for search.
      search_text TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX clauses_by_name ON clauses (name COLLATE NOCASE);

    -- One per contract: rendered from a template (or written from scratch),
    -- then edited freely. Sections are a JSON array of {title, body}.
    CREATE TABLE contract_documents (
      contract_id INTEGER PRIMARY KEY REFERENCES contracts (id),
      template_id INTEGER REFERENCES templates (id),
      template_version INTEGER,
      generated_at TEXT,
      updated_at TEXT NOT NULL,
      field_values TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(field_values)),
      sections TEXT NOT NULL CHECK (json_valid(sections))
    ) STRICT;
    CREATE INDEX contract_documents_by_template
      ON contract_documents (template_id) WHERE template_id IS NOT NULL;
  `,
};
