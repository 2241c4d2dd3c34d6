import "@mantine/core/styles.css";
import "@mantine/charts/styles.css";
import "@mantine/dates/styles.css";
import "@mantine/notifications/styles.css";
import "@mantine/tiptap/styles.css";
import "dayjs/locale/fr";
import "dayjs/locale/en-gb";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App";
import { Providers } from "./app/Providers";
import { setupI18n } from "./i18n/i18n";
import { CrashBoundary } from "./shell/CrashBoundary";

setupI18n();

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <Providers>
        <CrashBoundary>
          <App />
        </CrashBoundary>
      </Providers>
    </StrictMode>,
  );
}
