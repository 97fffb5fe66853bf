/**
 * The results part of the screen edition's script (plain ES5, as screen-script.ts): the form for
 * the groups' ideas with their dots and the agreement, kept in the browser's storage per topic
 * and date so a reload loses nothing, and turned into the minutes.
 *
 * The minutes as PDF and Word need the typesetter and the fonts, 3 MB the page does not carry:
 * they come from `../assets/dialogkit-referat.js`, the script the published site keeps beside
 * the topics' folders, loaded only when "Hent referat" is pressed. Opened from a zip with nothing
 * beside it, the page says so and offers the minutes as a printed page (print style sheet); the
 * calendar file for the follow-up is written here and always works.
 */
export const RESULTS_SCRIPT = `
function resultsPanel(data, onClose) {
  var words = data.results;
  var topic = data.topic;
  var section = document.getElementById('results');
  var form = document.getElementById('results-form');
  var rows = document.getElementById('idea-rows');
  var rowTemplate = document.getElementById('idea-row');
  var status = document.getElementById('results-status');
  var fields = ['what', 'who', 'when', 'followUp'];
  var date = isoDate(new Date(Date.now()));
  var key = 'dialogkit:results:' + topic.slug + ':' + date;
  var before = null;

  function isoDate(day) {
    return day.getFullYear() + '-' + pad(day.getMonth() + 1) + '-' + pad(day.getDate());
  }
  function pad(n) { return (n < 10 ? '0' : '') + n; }
  /* The date as a reader writes it ("15. januar 2027", "15 January 2027"), not the ISO key. */
  function longDate(iso) {
    var day = new Date(iso + 'T12:00:00');
    return day.toLocaleDateString(topic.language === 'en' ? 'en-GB' : 'da-DK', { day: 'numeric', month: 'long', year: 'numeric' });
  }
  function fill(text, values) {
    return text.replace(/\\{(\\w+)\\}/g, function (all, name) { return values.hasOwnProperty(name) ? values[name] : all; });
  }

  function addRow(after, values) {
    var row = rowTemplate.content.firstElementChild.cloneNode(true);
    row.querySelector('[name=idea]').value = values ? values.idea : '';
    row.querySelector('[name=dots]').value = values ? values.dots : '';
    rows.insertBefore(row, after ? after.nextSibling : null);
    number();
    return row;
  }
  function number() {
    Array.prototype.forEach.call(rows.children, function (row, i) {
      row.querySelector('.remove').setAttribute('aria-label', fill(words.removeIdea, { n: i + 1 }));
    });
  }
  /* What the form holds; the ideas in their rows' order, empty rows left out. */
  function read() {
    var result = { ideas: [] };
    fields.forEach(function (name) { result[name] = form.elements[name].value; });
    Array.prototype.forEach.call(rows.children, function (row) {
      var idea = row.querySelector('[name=idea]').value;
      var dots = row.querySelector('[name=dots]').value;
      if (idea.trim() !== '' || dots.trim() !== '') result.ideas.push({ idea: idea, dots: dots });
    });
    return result;
  }
  function save() {
    try { localStorage.setItem(key, JSON.stringify(read())); } catch (error) { /* storage off: the form still works */ }
  }
  function restore() {
    var kept = null;
    try { kept = JSON.parse(localStorage.getItem(key) || 'null'); } catch (error) { kept = null; }
    if (kept) {
      fields.forEach(function (name) { form.elements[name].value = kept[name] || ''; });
      (kept.ideas || []).forEach(function (idea) { addRow(null, idea); });
    }
    addRow(null);
  }

  /* The ideas by their dots, most first; equal ones in the order they were typed. */
  function sortedIdeas(ideas) {
    return ideas.map(function (idea, i) {
      var dots = parseInt(idea.dots, 10);
      return { idea: idea.idea.trim(), dots: isNaN(dots) ? 0 : dots, order: i };
    }).sort(function (a, b) { return b.dots - a.dots || a.order - b.order; })
      .map(function (idea) { return { idea: idea.idea, dots: idea.dots }; });
  }
  function minutes() {
    var typed = read();
    return {
      language: topic.language, title: topic.title, series: topic.series, publisher: topic.publisher, slug: topic.slug, date: date,
      words: words,
      agreement: { what: typed.what.trim(), who: typed.who.trim(), when: typed.when.trim(), followUp: typed.followUp },
      ideas: sortedIdeas(typed.ideas)
    };
  }

  /* RFC 5545: CRLF line ends, text escaped, lines folded at 75 octets (never inside a character). */
  function calendar(referat) {
    var escape = function (text) { return text.replace(/\\\\/g, '\\\\\\\\').replace(/;/g, '\\\\;').replace(/,/g, '\\\\,').replace(/\\r?\\n/g, '\\\\n'); };
    var stamp = new Date(Date.now()).toISOString().replace(/[-:]/g, '').replace(/\\.\\d+/, '');
    var day = referat.agreement.followUp.replace(/-/g, '');
    var next = new Date(referat.agreement.followUp + 'T12:00:00Z');
    next.setUTCDate(next.getUTCDate() + 1);
    var note = [fill(words.calendarNote, { date: longDate(referat.date), what: referat.agreement.what || words.none })];
    if (referat.agreement.who) note.push(words.who + ': ' + referat.agreement.who);
    if (referat.agreement.when) note.push(words.when + ': ' + referat.agreement.when);
    var lines = [
      'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Dialogkit//Skaerm//' + referat.language.toUpperCase(), 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH',
      'BEGIN:VEVENT', 'UID:opfoelgning-' + referat.slug + '-' + referat.date + '@dialogkit', 'DTSTAMP:' + stamp,
      'DTSTART;VALUE=DATE:' + day, 'DTEND;VALUE=DATE:' + next.toISOString().slice(0, 10).replace(/-/g, ''),
      'SUMMARY:' + escape(fill(words.calendarTitle, { title: referat.title })),
      'DESCRIPTION:' + escape(note.join('\\n')),
      'END:VEVENT', 'END:VCALENDAR'
    ];
    return lines.map(fold).join('\\r\\n') + '\\r\\n';
  }
  function fold(line) {
    var out = '', octets = 0;
    for (var i = 0; i < line.length; i++) {
      var code = line.charCodeAt(i);
      var char = code >= 0xd800 && code < 0xdc00 ? line.substr(i++, 2) : line.charAt(i);
      var size = char.length === 2 ? 4 : code < 0x80 ? 1 : code < 0x800 ? 2 : 3;
      if (octets + size > 75) { out += '\\r\\n '; octets = 1; }
      out += char;
      octets += size;
    }
    return out;
  }

  function save_(bytes, name, type) {
    var link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([bytes], { type: type }));
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 60000);
  }
  function loadReferatScript() {
    if (window.dialogkitReferat) return Promise.resolve(window.dialogkitReferat);
    return new Promise(function (resolve, reject) {
      var script = document.createElement('script');
      script.src = '../assets/dialogkit-referat.js';
      script.onload = function () { window.dialogkitReferat ? resolve(window.dialogkitReferat) : reject(new Error('no referat')); };
      script.onerror = function () { script.remove(); reject(new Error('no referat')); };
      document.head.appendChild(script);
    });
  }
  /* The PDF first, then Word, then the calendar file; where the minutes maker cannot load, the calendar file alone. */
  function download() {
    var referat = minutes();
    var base = 'referat-' + referat.slug + '-' + referat.date;
    var calendarName = 'opfoelgning-' + referat.slug + '.ics';
    var saveCalendar = function () {
      if (!referat.agreement.followUp) return [];
      save_(calendar(referat), calendarName, 'text/calendar;charset=utf-8');
      return [calendarName];
    };
    status.textContent = '…';
    return loadReferatScript().then(function (kit) { return kit.make(referat); }).then(function (files) {
      save_(files.pdf, base + '.pdf', 'application/pdf');
      save_(files.docx, base + '.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      status.textContent = fill(words.downloaded, { files: [base + '.pdf', base + '.docx'].concat(saveCalendar()).join(', ') });
    }, function () {
      status.textContent = words.offline + (saveCalendar().length > 0 ? ' ' + words.calendarSaved : '');
    });
  }

  /* The minutes as a page for the printer: the agreement first, then the ideas by their dots. */
  function printMinutes() {
    var referat = minutes();
    var target = document.getElementById('print-referat');
    var element = function (tag, text) { var e = document.createElement(tag); if (text !== undefined) e.textContent = text; return e; };
    target.textContent = '';
    target.appendChild(element('h1', fill(words.referat, { title: referat.title })));
    target.appendChild(element('p', longDate(referat.date)));
    target.appendChild(element('h2', words.agreement));
    var agreement = element('table');
    [['what', words.what], ['who', words.who], ['when', words.when], ['followUp', words.followUp]].forEach(function (pair) {
      var row = element('tr');
      row.appendChild(element('th', pair[1]));
      var value = referat.agreement[pair[0]];
      /* A follow-up day from the date field prints as the PDF minutes print it. */
      if (/^\\d{4}-\\d{2}-\\d{2}$/.test(value || '')) value = longDate(value);
      row.appendChild(element('td', value || words.none));
      agreement.appendChild(row);
    });
    target.appendChild(agreement);
    target.appendChild(element('h2', words.ideasByDots));
    var ideas = element('table');
    var head = element('tr');
    head.appendChild(element('th', words.idea));
    head.appendChild(element('th', words.dots)).className = 'dots';
    ideas.appendChild(head);
    referat.ideas.forEach(function (idea) {
      var row = element('tr');
      row.appendChild(element('td', idea.idea));
      row.appendChild(element('td', String(idea.dots))).className = 'dots';
      ideas.appendChild(row);
    });
    target.appendChild(ideas);
    document.body.classList.add('printing-referat');
    window.print();
  }
  window.addEventListener('afterprint', function () { document.body.classList.remove('printing-referat'); });

  /* Enter in a row goes on to the next row, a new one unless the next is still empty. */
  rows.addEventListener('keydown', function (event) {
    if (event.key !== 'Enter' || event.target.tagName !== 'INPUT') return;
    event.preventDefault();
    var row = event.target.closest('li');
    var next = row.nextElementSibling;
    if (!next || next.querySelector('[name=idea]').value !== '') next = addRow(row);
    next.querySelector('[name=idea]').focus();
  });
  rows.addEventListener('click', function (event) {
    var button = event.target.closest('.remove');
    if (!button) return;
    var row = button.closest('li');
    var focus = row.nextElementSibling || row.previousElementSibling;
    row.remove();
    if (!rows.children.length) focus = addRow(null);
    number();
    save();
    focus.querySelector('[name=idea]').focus();
  });
  form.addEventListener('input', save);
  form.addEventListener('submit', function (event) { event.preventDefault(); });
  document.getElementById('add-idea').addEventListener('click', function () {
    addRow(rows.lastElementChild).querySelector('[name=idea]').focus();
  });
  document.getElementById('download').addEventListener('click', download);
  document.getElementById('print').addEventListener('click', printMinutes);
  document.getElementById('back').addEventListener('click', function () { panel.close(); });
  /* A second session of the topic the same day starts from an empty form: after asking. */
  document.getElementById('clear').addEventListener('click', function () {
    if (!window.confirm(words.clearConfirm)) return;
    fields.forEach(function (name) { form.elements[name].value = ''; });
    rows.textContent = '';
    addRow(null).querySelector('[name=idea]').focus();
    try { localStorage.removeItem(key); } catch (error) { /* storage off */ }
    status.textContent = '';
  });
  document.getElementById('results-kept').textContent = fill(words.kept, { date: longDate(date) });
  restore();

  var panel = {
    isOpen: function () { return !section.hidden; },
    open: function () {
      if (!section.hidden) return;
      before = document.querySelector('[data-view]:not([hidden])');
      if (before) before.hidden = true;
      section.hidden = false;
      document.body.classList.add('results-open');
      section.focus();
    },
    /* quiet: the caller shows a view itself. */
    close: function (quiet) {
      if (section.hidden) return;
      section.hidden = true;
      document.body.classList.remove('results-open');
      if (!quiet) onClose();
      var opener = document.getElementById('show-results');
      if (!quiet && opener) opener.focus({ preventScroll: true });
    }
  };
  return panel;
}
`;
