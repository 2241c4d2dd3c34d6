import {
  Autocomplete,
  type CSSVariablesResolver,
  createTheme,
  darken,
  defaultVariantColorsResolver,
  Loader,
  Modal,
  Notification,
  parseThemeColor,
  Select,
  TagsInput,
  type VariantColorsResolver,
} from "@mantine/core";

/**
 * Light badges and buttons get darker text, so small labels stay readable
 * (4.5:1); a subtle button given a shade (`red.9`) keeps that shade for its
 * text, where Mantine would use the lighter `red.6`.
 */
const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  const parsed = parseThemeColor({
    color: input.color ?? input.theme.primaryColor,
    theme: input.theme,
  });
  if (input.variant === "subtle" && parsed.isThemeColor && parsed.shade !== undefined) {
    return { ...colors, color: parsed.value };
  }
  if (input.variant !== "light") return colors;
  const shades = parsed.isThemeColor ? input.theme.colors[parsed.color] : undefined;
  const dark = shades?.[9];
  return dark ? { ...colors, color: darken(dark, 0.35) } : colors;
};

/** Words the theme gives to Mantine's icon-only buttons, in the UI language. */
export interface ThemeLabels {
  clear: string;
  close: string;
}

export function createAppTheme(labels: ThemeLabels) {
  const clearButtonProps = { "aria-label": labels.clear };
  // Option lists are mounted only while open, so a field's label names the field alone
  // (`getByLabel("Étape")` finds the input, not also its hidden list).
  const comboboxProps = { keepMounted: false };
  return createTheme({
    variantColorResolver,
    primaryColor: "indigo",
    // Shade 7 keeps white text on buttons and links on white above 4.5:1.
    primaryShade: { light: 7, dark: 5 },
    defaultRadius: "sm",
    fontFamily:
      "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Liberation Sans', sans-serif",
    components: {
      Select: Select.extend({ defaultProps: { comboboxProps, clearButtonProps } }),
      TagsInput: TagsInput.extend({ defaultProps: { comboboxProps, clearButtonProps } }),
      Autocomplete: Autocomplete.extend({ defaultProps: { comboboxProps } }),
      Notification: Notification.extend({
        defaultProps: { closeButtonProps: { "aria-label": labels.close } },
      }),
      // A spinner is a status: its aria-label ("Chargement…") is allowed and read out.
      Loader: Loader.extend({ defaultProps: { role: "status" } }),
      Modal: Modal.extend({ defaultProps: { closeButtonProps: { "aria-label": labels.close } } }),
    },
  });
}

/** Dimmed and error text dark enough to read (WCAG AA contrast on white). */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    "--mantine-color-dimmed": "var(--mantine-color-gray-7)",
    "--mantine-color-error": "var(--mantine-color-red-9)",
  },
  dark: {},
});
