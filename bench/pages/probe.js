// Installed with Playwright's addInitScript, before any page script, on every benchmark page.
// It observes without changing behaviour: long tasks, the moment the first bytes of the answer
// reach JavaScript, how much of the answer has arrived, and when the first answer text is painted.
(() => {
  const probe = (window.__probe = { longTasks: [], firstByte: undefined, lastByte: undefined, firstText: undefined, firstPaint: undefined });

  const observer = new PerformanceObserver((list) => collect(list.getEntries()));
  const collect = (entries) => {
    for (const e of entries) probe.longTasks.push({ start: e.startTime, duration: e.duration });
  };
  observer.observe({ type: 'longtask', buffered: true });
  /** Long tasks that started in [from, to]; takeRecords() so none still sits in the observer's queue. */
  probe.longTasksBetween = (from, to) => {
    collect(observer.takeRecords());
    return probe.longTasks.filter((t) => t.start >= from && t.start <= to);
  };

  // The answer's body is recognized by its URL at fetch time and handed to the page through a
  // pass-through stream whose pull records each chunk as it reaches JS. Patching reader.read()
  // would miss pages that pipe the body (the widget pipes it through its BOM and SSE transforms,
  // which read it natively, not through a JS reader).
  const marks = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
  let reads = 0;
  const record = (body, value) => {
    if (probe.firstByte === undefined) {
      probe.firstByte = performance.now();
      countFramesToPaint();
    }
    probe.lastByte = performance.now();
    reads += 1;
    const before = body.received / body.total;
    body.received += value.byteLength;
    const after = body.received / body.total;
    // Tells the runner (an exposed binding) when each tenth of the answer has been read by the
    // page: the moment to sample the main thread's busy time. For a page that keeps up this is
    // when the server sent it; a page that falls behind reads it later, in big reads that can
    // cross several marks at once (hence the read number).
    for (const mark of marks) if (before < mark && after >= mark) window.__benchMark?.(mark, reads);
  };
  const fetch = window.fetch;
  window.fetch = async function (...args) {
    const response = await fetch.apply(this, args);
    if (!response.body || new URL(response.url).pathname !== '/sse') return response;
    const body = { total: Number(response.headers.get('x-bench-bytes')) || 0, received: 0 };
    const reader = response.body.getReader();
    const counted = new ReadableStream({
      async pull(controller) {
        const { value, done } = await reader.read();
        if (done) return controller.close();
        record(body, value);
        controller.enqueue(value);
      },
      cancel: (reason) => reader.cancel(reason),
    });
    return new Response(counted, { status: response.status, statusText: response.statusText, headers: response.headers });
  };


  // Is the page inside a rendering update (the rAF callbacks and the style/layout/paint that
  // follow them in the same task)? A DOM change made there is painted at the end of that task; a
  // change made in any other task waits for the next frame.
  let inRendering = false;
  let watching = false;
  const afterThisTask = (callback) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      callback();
    };
    channel.port2.postMessage(0);
  };
  const requestAnimationFrame = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (callback) =>
    requestAnimationFrame((time) => {
      if (watching && !inRendering) {
        inRendering = true;
        afterThisTask(() => (inRendering = false));
      }
      callback(time);
    });

  // Rendering updates since the first byte reached JS, counted until the first text is painted:
  // 1 means it was painted in the first frame after it arrived.
  let frames = 0;
  const countFramesToPaint = () => {
    const tick = () => {
      if (probe.firstPaint !== undefined) return;
      frames += 1;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  };

  /**
   * Records when `hasText()` first becomes true under `target`, and when that change was painted:
   * the first task after the rendering update that includes it.
   */
  /**
   * Counts the visible updates under `target` from now on: batches of DOM changes more than 8 ms
   * apart (one per rendering update, however many mutation callbacks it took). `stop()` returns
   * their times.
   */
  probe.countUpdates = (target) => {
    const times = [];
    const counter = new MutationObserver(() => {
      const now = performance.now();
      if (!times.length || now - times.at(-1) > 8) times.push(now);
    });
    counter.observe(target, { subtree: true, childList: true, characterData: true });
    return { stop: () => (counter.disconnect(), times) };
  };

  /** Forgets the last answer's first byte and paint, for the next answer on the same page. */
  probe.resetStream = () => {
    Object.assign(probe, { firstByte: undefined, lastByte: undefined, firstText: undefined, firstPaint: undefined, framesToPaint: undefined });
    frames = 0;
    reads = 0;
  };

  probe.watchFirstText = (target, hasText) => {
    watching = true;
    const watcher = new MutationObserver(() => {
      if (!hasText()) return;
      watcher.disconnect();
      watching = false;
      probe.firstText = performance.now();
      const painted = () => {
        probe.firstPaint = performance.now();
        probe.framesToPaint = frames;
      };
      if (inRendering) afterThisTask(painted);
      else requestAnimationFrame(() => afterThisTask(painted));
    });
    watcher.observe(target, { subtree: true, childList: true, characterData: true });
  };
})();
