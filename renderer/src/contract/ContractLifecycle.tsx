import { Stack } from "@mantine/core";
import type { StageDefinition } from "../../../shared/domain/stages";
import { ApiErrorAlert } from "../app/ApiErrorAlert";
import { AssignStageControl } from "./AssignStageControl";
import { MoveStageControl } from "./MoveStageControl";
import { StageTimeline } from "./StageTimeline";
import { usePipeline } from "./use-pipeline";
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
  const pipeline = usePipeline();
  if (error) return <ApiErrorAlert error={error} onRetry={reload} />;
  if (!timeline) return null;
  return (
    <Stack gap="md">
      <StageTimeline timeline={timeline} stages={stages} />
      <AssignStageControl
        key={`${timeline.current.stage}-${timeline.current.enteredAt}`}
        contractId={contractId}
        current={timeline.current}
        people={pipeline.people}
        onAssigned={setTimeline}
      />
      <MoveStageControl
        contractId={contractId}
        current={timeline.current.stage}
        stages={stages}
        choices={pipeline.stages?.filter((s) => !s.retired)}
        onMoved={(next) => {
          setTimeline(next);
          onMoved();
        }}
      />
    </Stack>
  );
}
