import { ActionIcon, Badge, Button, Group, Stack, Text, UnstyledButton } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { TemplateSection } from "../../../shared/domain/templates";

const BORDER = "--mantine-color-default-border";

export interface SectionListProps {
  /** The sections, in order */
  sections: readonly TemplateSection[];
  /** The section being edited */
  selectedId: string;
  /** How many problems each section has, by id */
  problemCounts: ReadonlyMap<string, number>;
  /** Sections with something to fix before saving (an empty title, a bad condition) */
  invalidIds: ReadonlySet<string>;
  onSelect: (id: string) => void;
  /** Moves the section at `from` to `to` (drag and drop, or the up and down buttons) */
  onMove: (from: number, to: number) => void;
  onAdd: () => void;
  onRemove: (id: string) => void;
}

/**
 * The template's sections in order: pick one to edit, drag one elsewhere, or
 * move it with its up and down buttons (keyboard). Problems mark a section.
 */
export function SectionList(props: SectionListProps) {
  const { sections, selectedId, problemCounts, invalidIds, onSelect, onMove, onAdd, onRemove } =
    props;
  const { t } = useTranslation();
  const [dragged, setDragged] = useState<number | null>(null);
  const [over, setOver] = useState<number | null>(null);

  return (
    <Stack gap="xs">
      <Stack
        component="ol"
        gap={4}
        p={0}
        m={0}
        style={{ listStyle: "none" }}
        aria-label={t("templates.sectionList")}
      >
        {sections.map((s, i) => {
          const problems = problemCounts.get(s.id) ?? 0;
          const marked = problems > 0 || invalidIds.has(s.id);
          const selected = s.id === selectedId;
          const title = s.title.trim() || t("templates.untitled");
          return (
            <Group
              key={s.id}
              component="li"
              gap={4}
              wrap="nowrap"
              draggable
              data-testid="section-item"
              onDragStart={(e) => {
                setDragged(i);
                e.dataTransfer.effectAllowed = "move";
                e.dataTransfer.setData("text/plain", s.id);
              }}
              onDragOver={(e) => {
                if (dragged === null) return;
                e.preventDefault();
                setOver(i);
              }}
              onDragLeave={() => setOver(null)}
              onDrop={(e) => {
                e.preventDefault();
                if (dragged !== null && dragged !== i) onMove(dragged, i);
                setDragged(null);
                setOver(null);
              }}
              onDragEnd={() => {
                setDragged(null);
                setOver(null);
              }}
              style={{
                borderRadius: 4,
                border: `1px solid var(${marked ? "--mantine-color-error" : BORDER})`,
                background: selected ? "var(--mantine-color-blue-light)" : undefined,
                outline: over === i ? "2px dashed var(--mantine-color-blue-filled)" : undefined,
                cursor: "grab",
              }}
              px={4}
              py={2}
            >
              <Text aria-hidden c="dimmed" size="sm" style={{ userSelect: "none" }}>
                ⠿
              </Text>
              <UnstyledButton
                onClick={() => onSelect(s.id)}
                aria-current={selected ? "true" : undefined}
                style={{ flex: 1, minWidth: 0 }}
                py={4}
              >
                <Text size="sm" fw={selected ? 600 : 400} truncate>
                  {i + 1}. {title}
                </Text>
              </UnstyledButton>
              {problems > 0 && (
                <Badge color="red.9" size="sm" tt="none">
                  {t("templates.problemCount", { count: problems })}
                </Badge>
              )}
              {s.condition && (
                <Badge color="gray.8" variant="outline" size="sm" tt="none">
                  {t("templates.conditional")}
                </Badge>
              )}
              <ActionIcon
                variant="subtle"
                size="sm"
                disabled={i === 0}
                onClick={() => onMove(i, i - 1)}
                aria-label={t("templates.moveUp", { title })}
              >
                ↑
              </ActionIcon>
              <ActionIcon
                variant="subtle"
                size="sm"
                disabled={i === sections.length - 1}
                onClick={() => onMove(i, i + 1)}
                aria-label={t("templates.moveDown", { title })}
              >
                ↓
              </ActionIcon>
              <ActionIcon
                variant="subtle"
                color="red.9"
                size="sm"
                disabled={sections.length === 1}
                onClick={() => onRemove(s.id)}
                aria-label={t("templates.removeSection", { title })}
              >
                ✕
              </ActionIcon>
            </Group>
          );
        })}
      </Stack>
      <Group>
        <Button variant="light" size="compact-sm" onClick={onAdd}>
          {t("templates.addSection")}
        </Button>
      </Group>
    </Stack>
  );
}
