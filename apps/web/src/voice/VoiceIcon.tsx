/** The voice stage's own line icons (same style as ui/Icon). */
const PATHS = {
  camera: 'M3 7h12v10H3zM15 10.5l6-3.5v10l-6-3.5',
  cameraOff: 'M3 7h12v10H3zM15 10.5l6-3.5v10l-6-3.5M3 3l18 18',
  screen: 'M3 4h18v12H3zM8 20h8M12 16v4',
  screenOff: 'M3 4h18v12H3zM8 20h8M12 16v4M3 3l18 18',
  grid: 'M4 4h7v7H4zM13 4h7v7h-7zM4 13h7v7H4zM13 13h7v7h-7z',
  more: 'M5 12h.01M12 12h.01M19 12h.01',
  focus: 'M4 9V4h5M15 4h5v5M20 15v5h-5M9 20H4v-5',
} as const;

export type VoiceIconName = keyof typeof PATHS;

export function VoiceIcon({ name, size = 20 }: { name: VoiceIconName; size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={name === 'more' ? 3 : 1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
