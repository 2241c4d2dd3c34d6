import "@mantine/core/styles.css";
import { MantineProvider, Text } from "@mantine/core";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <MantineProvider>
        <Text>Pacta</Text>
      </MantineProvider>
    </StrictMode>,
  );
}
