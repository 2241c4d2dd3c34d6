import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "shared/**/*.test.ts",
      "main/**/*.test.ts",
      "renderer/**/*.test.ts",
      "e2e/bitrix24-double/**/*.test.ts",
    ],
    environment: "node",
    testTimeout: 30_000,
    globalSetup: ["./main/test-support/global-setup.ts"],
  },
});
