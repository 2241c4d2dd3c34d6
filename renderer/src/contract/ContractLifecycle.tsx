import { Stack } from "@mantine/core";
import type { StageDefinition } from "../../../shared/domain/stages";
import { ApiErrorAlert } from "../app/ApiErrorAlert";
import { MoveStageControl } from "./MoveStageControl";
import { StageTimeline } from "./StageTimeline";
import { useTimeline } from "./use-timeline";

export interface ContractLifecycleProps {
  /** The contract shown */
  contractId: number;
  /** The pipeline's stages */
  stages: readonly StageDefinition[];
  /** Called after a move, so the page can show the new stage */
  onMoved: () => void;
}

/** The stage timeline and the control that moves the contract along it. */
export function ContractLifecycle({ contractId, stages, onMoved }: ContractLifecycleProps) {
  const { timeline, error, reload, setTimeline } = useTimeline(contractId);
  if (error) return <ApiErrorAlert error={error} onRetry={reload} />;
  if (!timeline) return null;
  return (
    <Stack gap="md">
      <StageTimeline timeline={timeline} stages={stages} />
      <MoveStageControl
        contractId={contractId}
        current={timeline.current.stage}
        stages={stages}
        onMoved={(next) => {
          setTimeline(next);
          onMoved();
        }}
      />
    </Stack>
  );
}
