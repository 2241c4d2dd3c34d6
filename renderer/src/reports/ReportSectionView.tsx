import { BarChart } from "@mantine/charts";
import { Box, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ReportSection } from "./report-sections";

export interface ReportSectionViewProps {
  /** The figure: its title, table and charts */
  section: ReportSection;
}

/**
 * One figure: its charts (hidden from screen readers, which read the table
 * instead) and its table, captioned with the figure's title.
 */
export function ReportSectionView({ section }: ReportSectionViewProps) {
  const { t } = useTranslation();
  const headingId = `report-${section.id}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h4" mb="sm" id={headingId}>
        {section.title}
      </Title>
      <Stack gap="md">
        {section.charts.map((chart) => (
          <Box
            key={chart.title}
            data-testid={`chart-${section.id}`}
            aria-hidden="true"
            title={t("reports.chartOf", { title: chart.title })}
          >
            {section.charts.length > 1 && (
              <Text size="sm" fw={500} mb={4}>
                {chart.title}
              </Text>
            )}
            <BarChart
              h={200}
              data={chart.spec.data}
              dataKey={chart.spec.dataKey}
              series={chart.spec.series}
              withLegend={chart.spec.series.length > 1}
              valueFormatter={chart.spec.format}
              yAxisProps={{ allowDecimals: !chart.spec.integers }}
              barChartProps={{ accessibilityLayer: false }}
              tooltipAnimationDuration={0}
            />
          </Box>
        ))}
        {section.rows.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t("reports.empty")}
          </Text>
        ) : (
          <Table striped data-testid={`table-${section.id}`} maw={720}>
            <Table.Caption>{section.title}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                {section.headers.map((h, i) => (
                  <Table.Th key={h} ta={section.numeric.includes(i) ? "right" : undefined}>
                    {h}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {section.rows.map((row) => (
                <Table.Tr key={row.join("\u0000")}>
                  {row.map((cell, i) => (
                    <Table.Td
                      key={section.headers[i]}
                      ta={section.numeric.includes(i) ? "right" : undefined}
                    >
                      {cell}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
