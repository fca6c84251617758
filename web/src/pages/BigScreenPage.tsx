import { ConfigProvider, theme } from "antd";
import { useEffect, useMemo, useRef } from "react";
import { useSearchParams } from "react-router";
import { BigScreenHeader } from "../features/big-screen/BigScreenHeader";
import { BigScreenSlide } from "../features/big-screen/BigScreenSlide";
import { COLORS, DESIGN } from "../features/big-screen/layout";
import {
  cascadeStartKey,
  useBigScreenData,
  useGroupJump,
  useSlides,
} from "../features/big-screen/use-big-screen";
import { useElementSize } from "../features/big-screen/use-element-size";
import { useSlideInterval } from "../features/big-screen/use-slide-interval";
import { useLang } from "../hooks/use-lang";
import { useRotation, useViewportScale } from "../hooks/use-rotation";
import "../features/big-screen/big-screen.css";

const DARK = { algorithm: theme.darkAlgorithm, token: { fontSize: 20, colorBgContainer: COLORS.panel } };

/**
 * 大屏: dark and exactly the viewport (a 1920×1080 design scaled to it: 2× at 3840×2160), rotating
 * overview → every task force's battle map → ranking → indicators → every district-level indicator
 * cascade. `?interval=` (seconds), `?slide=` (a key such as `tf-03`, or a 1-based position),
 * `?cascade=<indicatorId>` (starts at that indicator's cascade, added to the rotation when it is not
 * district-level) and `?paused=1` pin a screen.
 */
export function BigScreenPage() {
  const { short } = useLang();
  const [params] = useSearchParams();
  const data = useBigScreenData();
  const scale = useViewportScale();
  const body = useRef<HTMLElement>(null);
  const area = useElementSize(body);
  const cascade = params.get("cascade");
  const slides = useSlides(data, area, scale, cascade);
  const [seconds, setSeconds] = useSlideInterval(params.get("interval"));
  const keys = useMemo(() => slides.map((s) => s.key), [slides]);
  const rot = useRotation(keys, {
    intervalMs: seconds * 1000,
    start: params.get("slide") ?? cascadeStartKey(slides, data.cascades.data?.nodes, cascade),
    startHeld: params.get("paused") === "1",
  });
  const slide = slides[rot.index];
  const [group, jump] = useGroupJump(slides, slide, rot.goTo);
  const { setHovered } = rot;
  // The pointer over the slide holds the rotation (to read it); leaving resumes it.
  useEffect(() => {
    const el = body.current;
    if (!el) return;
    const enter = () => setHovered(true);
    const leave = () => setHovered(false);
    el.addEventListener("mouseenter", enter);
    el.addEventListener("mouseleave", leave);
    return () => {
      el.removeEventListener("mouseenter", enter);
      el.removeEventListener("mouseleave", leave);
    };
  }, [setHovered]);
  return (
    <ConfigProvider theme={DARK}>
      <main
        className="big-screen"
        data-testid="big-screen"
        data-slide-index={rot.index}
        data-slides={keys.join(" ")}
        data-timer={rot.running ? "running" : "paused"}
        style={{
          boxSizing: "border-box",
          height: "100vh",
          minHeight: 0,
          overflow: "hidden",
          display: "flex",
          flexDirection: "column",
          gap: DESIGN.gap * scale,
          padding: DESIGN.padding * scale,
        }}
      >
        <div style={{ zoom: scale, flex: "none" }}>
          <BigScreenHeader
            statusDate={data.overview.data?.statusDate}
            updatedAt={data.updatedAt}
            count={slides.length}
            hasCascades={slides.some((s) => s.kind === "cascade")}
            group={group}
            onGroup={jump}
            rot={rot}
            seconds={seconds}
            onSeconds={setSeconds}
          />
        </div>
        <section
          ref={body}
          aria-live="polite"
          data-slide={slide?.key}
          style={{ flex: "1 1 0", minHeight: 0, position: "relative" }}
        >
          {slide && area.height > 0 ? (
            <BigScreenSlide slide={slide} data={data} area={area} scale={scale} lang={short} />
          ) : null}
        </section>
      </main>
    </ConfigProvider>
  );
}
