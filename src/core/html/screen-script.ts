/**
 * The screen edition's inline script, kept as text so the CLI and the in-browser kit write the
 * very same bytes. Plain ES5: no modules, nothing fetched, so it runs from disk in any browser.
 * Time comes from `Date.now()`, `setInterval` and `setTimeout` only, so tests drive it with a
 * fake clock. It runs inside one function with the results part (screen-results-script.ts),
 * whose `resultsPanel` it uses.
 *
 * Each step has its own clock: it keeps running while the facilitator moves between the step's
 * views (or even to another step), and past zero it counts the time over. The session's pace is
 * the running step's expected end against the plan: from `--start`, else from the first start.
 */
export const SCREEN_SCRIPT = `
var data = JSON.parse(document.getElementById('screen-data').textContent);
var words = data.words;
var views = Array.prototype.slice.call(document.querySelectorAll('[data-view]'));
var byId = function (id) { return document.getElementById(id); };
var timerBox = byId('timer'), time = byId('time'), timeLabel = byId('time-label'), overtime = byId('overtime');
var progress = byId('progress'), statusLine = byId('status'), pace = byId('pace'), paceText = byId('pace-text');
var toggleButton = byId('toggle'), soundButton = byId('sound'), blank = byId('blank');
var timers = {};
var current = 0;
var lastStep = null;
var sessionStart = null;
var ticks = setInterval(tick, 250);
var panel = resultsPanel(data, function () { show(current); });

/* A step's clock: ms left when last paused (below zero: over time), when it was started (null: paused). */
function timerOf(view) {
  var step = view && view.getAttribute('data-step');
  if (!step) return null;
  if (!timers[step]) {
    var total = Number(view.getAttribute('data-minutes')) * 60000;
    timers[step] = { step: step, total: total, left: total, since: null, done: false, plannedEnd: Number(view.getAttribute('data-planned-end')) };
  }
  return timers[step];
}
function leftOf(timer) { return timer.since === null ? timer.left : timer.left - (Date.now() - timer.since); }
function two(n) { return (n < 10 ? '0' : '') + n; }
/* 04:59 while time is left; +0:30 once it is over. */
function format(ms) {
  if (ms < 0) {
    var over = Math.floor(-ms / 1000);
    return '+' + Math.floor(over / 60) + ':' + two(over % 60);
  }
  var seconds = Math.ceil(ms / 1000);
  return two(Math.floor(seconds / 60)) + ':' + two(seconds % 60);
}
function setText(element, text) { if (element.textContent !== text) element.textContent = text; }

function render() {
  var timer = timerOf(views[current]);
  timerBox.hidden = !timer;
  var left = timer ? leftOf(timer) : 0;
  document.body.classList.toggle('time-up', Boolean(timer && timer.done));
  document.body.classList.toggle('over-time', Boolean(timer && left < 0));
  /* "Time is up" belongs to its step: another step's view clears it. */
  setText(statusLine, timer && timer.done ? words.timeUp.replace('{step}', timer.step) : '');
  renderPace();
  if (!timer) return;
  setText(time, format(left));
  setText(timeLabel, left < 0 ? '' : words.timer);
  setText(overtime, left < 0 ? ' ' + words.overtime : '');
  progress.style.width = Math.min(100, 100 * (1 - left / timer.total)).toFixed(2) + '%';
  setText(toggleButton, timer.since === null ? words.start : words.pause);
}

/* Ahead or behind the plan, in whole minutes: when the step in hand will end, against when the plan ends it. */
function renderPace() {
  var timer = timerOf(views[current]);
  if (!timer || timer.since === null && timer.left === timer.total) timer = lastStep;
  if (sessionStart === null || !timer) { pace.hidden = true; return; }
  var expectedEnd = Date.now() + Math.max(0, leftOf(timer));
  var delta = expectedEnd - (sessionStart + timer.plannedEnd * 60000);
  var minutes = Math.round(Math.abs(delta) / 60000);
  pace.hidden = false;
  pace.classList.toggle('behind', minutes > 0 && delta > 0);
  setText(paceText, minutes === 0 ? words.paceOnTime : (delta > 0 ? words.paceBehind : words.paceAhead).replace('{n}', minutes));
}

function show(index) {
  if (index < 0 || index >= views.length) return;
  if (panel.isOpen()) panel.close(true);
  views[current].hidden = true;
  current = index;
  views[current].hidden = false;
  render();
  fit(views[current]);
}
function toggle() {
  var timer = timerOf(views[current]);
  if (!timer) return;
  if (timer.since === null) {
    timer.since = Date.now();
    if (sessionStart === null) sessionStart = plannedStart();
    restartTicks();
  } else { timer.left = leftOf(timer); timer.since = null; }
  lastStep = timer;
  render();
}
/* --start on today's date, else now: the first step's start. */
function plannedStart() {
  if (data.start === null) return Date.now();
  var day = new Date(Date.now());
  day.setHours(Math.floor(data.start / 60), data.start % 60, 0, 0);
  return day.getTime();
}
function reset() {
  var timer = timerOf(views[current]);
  if (!timer) return;
  timer.left = timer.total;
  timer.since = null;
  timer.done = false;
  render();
}
/* A minute more or less for the step in hand; never below one minute in all. */
function adjust(minutes) {
  var timer = timerOf(views[current]);
  if (!timer || timer.total + minutes * 60000 < 60000) return;
  timer.total += minutes * 60000;
  timer.left += minutes * 60000;
  if (leftOf(timer) > 0) timer.done = false;
  render();
}
function tick() {
  for (var step in timers) {
    var timer = timers[step];
    if (timer.since !== null && !timer.done && leftOf(timer) <= 0) {
      timer.done = true;
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

/*
 * The largest type (whole pixels) at which the view's text fits its box, words unbroken. Below a
 * size the back row can read (1/40 of the screen's height; 16 px on a phone) it does not shrink:
 * the box scrolls instead, and takes keyboard focus so it can be scrolled without a mouse.
 */
function fit(view) {
  var box = view.querySelector('.fit');
  var text = view.querySelector('.fit-text');
  if (!box || !text) return;
  var smallest = window.innerWidth > window.innerHeight ? Math.ceil(window.innerHeight / 40) : 16;
  var fits = function (size) {
    text.style.fontSize = size + 'px';
    return text.scrollHeight <= box.clientHeight && text.scrollWidth <= box.clientWidth;
  };
  box.classList.remove('scrolls');
  var low = smallest;
  var high = Math.max(low + 1, Math.floor(box.clientHeight / 3));
  var scrolls = !fits(low);
  if (!scrolls) {
    while (high - low > 1) {
      var size = Math.floor((low + high) / 2);
      if (fits(size)) low = size; else high = size;
    }
  }
  text.style.fontSize = low + 'px';
  box.classList.toggle('scrolls', scrolls);
  if (scrolls) {
    box.setAttribute('tabindex', '0');
    box.setAttribute('role', 'region');
    box.setAttribute('aria-labelledby', view.getAttribute('aria-labelledby'));
  } else {
    box.removeAttribute('tabindex');
    box.removeAttribute('role');
    box.removeAttribute('aria-labelledby');
  }
}

function fullScreen() {
  if (document.fullscreenElement) document.exitFullscreen();
  else if (document.documentElement.requestFullscreen) document.documentElement.requestFullscreen();
}
function setBlank(on) {
  blank.hidden = !on;
  setText(byId('blank-note'), on ? words.blankNote : '');
  byId('blank-button').setAttribute('aria-pressed', String(on));
}

/* Presenter mode: controls and key hints fade after 3 s without mouse or keys, and come back with either. */
var idleTimers = [];
function wake() {
  document.body.classList.remove('fading', 'idle');
  idleTimers.forEach(clearTimeout);
  idleTimers = [
    setTimeout(function () { document.body.classList.add('fading'); }, 2600),
    setTimeout(function () { document.body.classList.add('idle'); }, 3000)
  ];
}
['mousemove', 'mousedown', 'touchstart', 'wheel', 'focusin'].forEach(function (name) {
  document.addEventListener(name, wake, { passive: true });
});

function typing(target) {
  return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
}
var actions = {
  ' ': toggle, r: reset, R: reset, f: fullScreen, F: fullScreen,
  ArrowRight: function () { show(current + 1); }, PageDown: function () { show(current + 1); },
  ArrowLeft: function () { show(current - 1); }, PageUp: function () { show(current - 1); },
  Home: function () { show(0); }, End: function () { show(views.length - 1); },
  '+': function () { adjust(1); }, '-': function () { adjust(-1); },
  b: function () { setBlank(true); }, B: function () { setBlank(true); }, '.': function () { setBlank(true); },
  v: function () { panel.isOpen() ? panel.close() : panel.open(); }, V: function () { panel.isOpen() ? panel.close() : panel.open(); }
};
document.addEventListener('keydown', function (event) {
  wake();
  if (event.altKey || event.ctrlKey || event.metaKey) return;
  if (event.key === 'Escape' && panel.isOpen()) { panel.close(); return; }
  if (typing(event.target)) return;
  /* A text box that scrolls keeps its own Home and End. */
  if ((event.key === 'Home' || event.key === 'End') && event.target.classList.contains('fit')) return;
  /* A focused button keeps its own Space and Enter. */
  if ((event.key === ' ' || event.key === 'Enter') && event.target.tagName === 'BUTTON') return;
  if (!actions.hasOwnProperty(event.key)) return;
  event.preventDefault();
  /* A blank screen comes back with any of the keys, as a presenter remote expects. */
  if (!blank.hidden) { setBlank(false); return; }
  /* The results form has the keys for itself, but for V, B and F. */
  if (panel.isOpen() && !/^[vVbBfF.]$/.test(event.key)) return;
  actions[event.key]();
});
blank.addEventListener('click', function () { setBlank(false); });
byId('previous').addEventListener('click', function () { show(current - 1); });
byId('next').addEventListener('click', function () { show(current + 1); });
toggleButton.addEventListener('click', toggle);
byId('reset').addEventListener('click', reset);
byId('less').addEventListener('click', function () { adjust(-1); });
byId('more').addEventListener('click', function () { adjust(1); });
byId('show-results').addEventListener('click', function () { panel.open(); });
byId('blank-button').addEventListener('click', function () { setBlank(true); });
byId('full').addEventListener('click', fullScreen);
soundButton.addEventListener('click', function () {
  soundButton.setAttribute('aria-pressed', String(soundButton.getAttribute('aria-pressed') !== 'true'));
});
/* Refit whenever the text's box changes size: a resized window, or the clock bar growing. */
if (window.ResizeObserver) {
  var observer = new ResizeObserver(function () { fit(views[current]); });
  Array.prototype.forEach.call(document.querySelectorAll('.fit'), function (box) { observer.observe(box); });
} else window.addEventListener('resize', function () { fit(views[current]); });
show(0);
wake();
`;
