import { Anchor, Stack, Text } from "@mantine/core";
import { paths } from "../app/routes";

export interface ReminderNoticeProps {
  /** What the reminder is about, in a sentence */
  body: string;
  /** The contract to open */
  contractId: number;
  /** The link's words */
  linkLabel: string;
}

/** The body of a fired reminder's in-app notification, with a link to its contract. */
export function ReminderNotice({ body, contractId, linkLabel }: ReminderNoticeProps) {
  return (
    <Stack gap={2}>
      <Text size="sm">{body}</Text>
      <Anchor href={paths.contract(contractId)} size="sm">
        {linkLabel}
      </Anchor>
    </Stack>
  );
}
