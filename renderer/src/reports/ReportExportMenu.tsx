import { Button, Menu } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ReportFilters } from "../../../shared/domain/reports";
import { pacta } from "../api/client";
import { base64ToBytes, downloadFile, MEDIA_TYPES } from "../app/download";
import { notifySuccess, useApiError } from "../app/use-api-error";
import { useLanguage } from "../i18n/use-language";

export interface ReportExportMenuProps {
  /** The filters the export applies, as on screen */
  filters: ReportFilters;
  /** Off while the filters cannot be applied */
  disabled: boolean;
}

type Kind = "csv" | "csvFr" | "pdf";

/** Saves the report as CSV (`,` or `;` with a decimal comma) or as a PDF. */
export function ReportExportMenu({ filters, disabled }: ReportExportMenuProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const showError = useApiError();
  const [busy, setBusy] = useState(false);

  const run = async (kind: Kind) => {
    setBusy(true);
    try {
      if (kind === "pdf") {
        const r = await pacta.reports.exportPdf({ filters, language });
        if (!r.ok) return showError(r.error);
        downloadFile(r.value.fileName, base64ToBytes(r.value.base64), MEDIA_TYPES.pdf);
        notifySuccess(t("reports.exported", { file: r.value.fileName }));
        return;
      }
      const separator = kind === "csvFr" ? ";" : ",";
      const r = await pacta.reports.exportCsv({ filters, separator, language });
      if (!r.ok) return showError(r.error);
      downloadFile(r.value.fileName, r.value.content, MEDIA_TYPES.csv);
      notifySuccess(t("reports.exported", { file: r.value.fileName }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button variant="default" loading={busy} disabled={disabled}>
          {t("reports.export")}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => void run("csv")}>{t("reports.exportCsv")}</Menu.Item>
        <Menu.Item onClick={() => void run("csvFr")}>{t("reports.exportCsvFr")}</Menu.Item>
        <Menu.Item onClick={() => void run("pdf")}>{t("reports.exportPdf")}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
