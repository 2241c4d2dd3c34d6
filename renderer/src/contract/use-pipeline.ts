import { useEffect, useState } from "react";
import type { Person, PipelineStage } from "../../../shared/api/lifecycle";
import { pacta } from "../api/client";

export interface PipelineChoices {
  /** The pipeline's stages, retired ones included; null while loading. */
  stages: PipelineStage[] | null;
  /** People who can hold a stage (archived ones left out). */
  people: Person[];
}

/** Loads the pipeline's stages and the people, for the lifecycle controls. */
export function usePipeline(): PipelineChoices {
  const [stages, setStages] = useState<PipelineStage[] | null>(null);
  const [people, setPeople] = useState<Person[]>([]);
  useEffect(() => {
    let live = true;
    void pacta.lifecycle.listStages({}).then((r) => {
      if (live && r.ok) setStages(r.value);
    });
    void pacta.lifecycle.listPeople({ includeArchived: false }).then((r) => {
      if (live && r.ok) setPeople(r.value);
    });
    return () => {
      live = false;
    };
  }, []);
  return { stages, people };
}
