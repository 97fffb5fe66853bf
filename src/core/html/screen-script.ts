/**
 * The screen edition's inline script, kept as text so the CLI and the in-browser kit write the
 * very same bytes. Plain ES5 in one function: no modules, nothing fetched, so it runs from disk
 * in any browser. Time comes from `Date.now()` and `setInterval` only, so tests can drive it
 * with a fake clock.
 *
 * Each step has its own countdown: it keeps running while the facilitator moves between the
 * step's views (or even to another step), and a step's views all show its clock.
 */
export const SCREEN_SCRIPT = `
(function () {
  'use strict';
  var views = Array.prototype.slice.call(document.querySelectorAll('[data-view]'));
  var labels = JSON.parse(document.getElementById('screen-labels').textContent);
  var timerBox = document.getElementById('timer');
  var time = document.getElementById('time');
  var progress = document.getElementById('progress');
  var status = document.getElementById('status');
  var toggleButton = document.getElementById('toggle');
  var soundButton = document.getElementById('sound');
  var timers = {};
  var current = 0;
  var ticks = setInterval(tick, 250);

  /* A step's clock: milliseconds left when last paused, and when it was started (null: paused). */
  function timerOf(view) {
    var step = view.getAttribute('data-step');
    if (!step) return null;
    if (!timers[step]) {
      var total = Number(view.getAttribute('data-minutes')) * 60000;
      timers[step] = { total: total, left: total, since: null, done: false };
    }
    return timers[step];
  }
  function leftOf(timer) {
    return timer.since === null ? timer.left : Math.max(0, timer.left - (Date.now() - timer.since));
  }
  function format(ms) {
    var seconds = Math.ceil(ms / 1000);
    var minutes = Math.floor(seconds / 60);
    return (minutes < 10 ? '0' : '') + minutes + ':' + (seconds % 60 < 10 ? '0' : '') + (seconds % 60);
  }

  function render() {
    var timer = timerOf(views[current]);
    timerBox.hidden = !timer;
    document.body.classList.toggle('time-up', Boolean(timer && timer.done));
    if (!timer) return;
    var left = leftOf(timer);
    time.textContent = format(left);
    progress.style.width = (100 * (1 - left / timer.total)).toFixed(2) + '%';
    toggleButton.textContent = timer.since === null ? labels.start : labels.pause;
  }
  function show(index) {
    if (index < 0 || index >= views.length) return;
    views[current].hidden = true;
    current = index;
    views[current].hidden = false;
    render();
    fit(views[current]);
  }
  function toggle() {
    var timer = timerOf(views[current]);
    if (!timer || timer.done) return;
    if (timer.since === null) {
      timer.since = Date.now();
      restartTicks();
    } else { timer.left = leftOf(timer); timer.since = null; }
    render();
  }
  function reset() {
    var timer = timerOf(views[current]);
    if (!timer) return;
    timer.left = timer.total;
    timer.since = null;
    timer.done = false;
    status.textContent = '';
    render();
  }
  function tick() {
    for (var step in timers) {
      var timer = timers[step];
      if (timer.since !== null && leftOf(timer) === 0) {
        timer.left = 0;
        timer.since = null;
        timer.done = true;
        status.textContent = labels.timeUp.replace('{step}', step);
        if (soundButton.getAttribute('aria-pressed') === 'true') chime();
      }
    }
    render();
  }

  /* Ticks counted from the moment the clock starts, so the display turns over on whole seconds. */
  function restartTicks() {
    clearInterval(ticks);
    ticks = setInterval(tick, 250);
  }

  /* A soft two-note chime, only when the facilitator turned sound on. */
  function chime() {
    var Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) return;
    var audio = new Context();
    [660, 880].forEach(function (frequency, i) {
      var tone = audio.createOscillator();
      var gain = audio.createGain();
      var at = audio.currentTime + i * 0.35;
      tone.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.2, at + 0.05);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.6);
      tone.connect(gain).connect(audio.destination);
      tone.start(at);
      tone.stop(at + 0.65);
    });
  }

  /* The largest type (whole pixels) at which the view's text fits its box; words never break. */
  function fit(view) {
    var box = view.querySelector('.fit');
    var text = view.querySelector('.fit-text');
    if (!box || !text) return;
    var low = 12;
    var high = Math.max(low + 1, Math.floor(box.clientHeight / 3));
    while (high - low > 1) {
      var size = Math.floor((low + high) / 2);
      text.style.fontSize = size + 'px';
      if (text.scrollHeight <= box.clientHeight && text.scrollWidth <= box.clientWidth) low = size;
      else high = size;
    }
    text.style.fontSize = low + 'px';
  }

  function fullScreen() {
    if (document.fullscreenElement) document.exitFullscreen();
    else if (document.documentElement.requestFullscreen) document.documentElement.requestFullscreen();
  }

  document.addEventListener('keydown', function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    /* A focused button keeps its own Space and Enter. */
    if ((event.key === ' ' || event.key === 'Enter') && event.target.tagName === 'BUTTON') return;
    var actions = {
      ' ': toggle, ArrowRight: function () { show(current + 1); }, PageDown: function () { show(current + 1); },
      ArrowLeft: function () { show(current - 1); }, PageUp: function () { show(current - 1); },
      Home: function () { show(0); }, End: function () { show(views.length - 1); },
      r: reset, R: reset, f: fullScreen, F: fullScreen
    };
    if (!actions.hasOwnProperty(event.key)) return;
    event.preventDefault();
    actions[event.key]();
  });
  document.getElementById('previous').addEventListener('click', function () { show(current - 1); });
  document.getElementById('next').addEventListener('click', function () { show(current + 1); });
  toggleButton.addEventListener('click', toggle);
  document.getElementById('reset').addEventListener('click', reset);
  document.getElementById('full').addEventListener('click', fullScreen);
  soundButton.addEventListener('click', function () {
    soundButton.setAttribute('aria-pressed', String(soundButton.getAttribute('aria-pressed') !== 'true'));
  });
  /* Refit whenever the text's box changes size: a resized window, or the clock bar growing. */
  if (window.ResizeObserver) {
    var observer = new ResizeObserver(function () { fit(views[current]); });
    Array.prototype.forEach.call(document.querySelectorAll('.fit'), function (box) { observer.observe(box); });
  } else window.addEventListener('resize', function () { fit(views[current]); });
  show(0);
})();
`;
