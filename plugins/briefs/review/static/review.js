// Mujaz review desk: the queue, a brief's text with its quotes and entities, corrections.
// Every text from a brief reaches the page through textContent, never as HTML.
"use strict";

const TOKEN = document.querySelector('meta[name="review-token"]').content;
const LANG = document.documentElement.lang === "ar" ? "ar" : "en";

const WORDS = {
  en: {
    desk: "Review desk", skip: "Skip to the desk", loading: "Loading…", other: "العربية",
    briefs: "Briefs", brief: "Brief", date: "Date", doubtful: "Doubtful", state: "State",
    queueHelp: "Newest first. Doubtful: quote attributions and entities less sure than {t}.",
    notYet: "not yet analysed", reviewed: "reviewed {d}", notReviewed: "not reviewed",
    counts: "{q} quotes, {e} entities", back: "Back to the queue",
    markReviewed: "Mark reviewed", undo: "Undo", addEntity: "Add selected words as an entity",
    nextBrief: "Next brief to review", allReviewed: "Every brief is reviewed.",
    kNextBrief: "the next brief not reviewed yet",
    text: "Text", corrections: "Corrections", quotes: "Quotes", entities: "Entities",
    doubtfulN: "{n} doubtful", none: "None.",
    speaker: "Speaker", noSpeaker: "no speaker", confidence: "confidence", rule: "rule",
    fragment: "fragment", hidden: "hidden from the sidebar", isDoubtful: "doubtful",
    type: "type", aliases: "aliases", mentions: "mentions",
    accept: "Accept", pickSpeaker: "Speaker…", hide: "Hide", notQuote: "Not a quote",
    rename: "Rename…", retype: "Type…", merge: "Merge into…", exclude: "Exclude",
    person: "person", organization: "organization", place: "place",
    lastChange: "Last change", noChange: "No change yet in this session.",
    keys: "Keyboard",
    kNext: "next / previous item", kAccept: "accept", kSpeaker: "choose the speaker",
    kHide: "hide the quote from the sidebar", kNotQuote: "not a quote",
    kRename: "rename the entity", kRetype: "change its type", kMerge: "merge it into another",
    kExclude: "exclude it", kAdd: "add the selected words as an entity", kUndo: "undo",
    kReviewed: "mark the brief reviewed", kQueue: "back to the queue",
    ok: "Write it", cancel: "Cancel",
    askSpeaker: "Who said it?", askSpeakerHelp: "Pick one of the brief's names or type one.",
    askRename: "New name", askRetype: "New type", askMerge: "Merge into",
    askMergeHelp: "Type to search the site's entities; pick one.",
    askAdd: "Add an entity", askAddHelp: "The words as they stand in the text, and a type.",
    name: "Name", entity: "Entity",
    saved: "Written to {f}.", nothing: "Nothing to change.", undone: "Undone in {f}.",
    conflict: "The file changed on disk since this page was loaded: nothing was written. " +
      "The page has been reloaded.",
    selectFirst: "Select the words in the text first.",
    entitiesBroken: "entities.yml does not parse; entity corrections are off until it is " +
      "fixed:",
    warnings: "Warnings",
    reviewedOn: "Reviewed on {d}.", notReviewedYet: "Not reviewed yet.",
  },
  ar: {
    desk: "مكتب المراجعة", skip: "انتقل إلى المكتب", loading: "جارٍ التحميل…", other: "English",
    briefs: "الموجزات", brief: "الموجز", date: "التاريخ", doubtful: "موضع شك", state: "الحالة",
    queueHelp: "الأحدث أولا. موضع الشك: نسبة اقتباس أو كيان ثقته أقل من {t}.",
    notYet: "لم يُحلَّل بعد", reviewed: "رُوجع {d}", notReviewed: "لم يُراجع",
    counts: "اقتباسات {q}، كيانات {e}", back: "العودة إلى القائمة",
    markReviewed: "تمت المراجعة", undo: "تراجع", addEntity: "أضف الكلمات المحددة كيانا",
    nextBrief: "الموجز التالي للمراجعة", allReviewed: "رُوجعت الموجزات كلها.",
    kNextBrief: "الموجز التالي الذي لم يُراجع",
    text: "النص", corrections: "التصحيحات", quotes: "الاقتباسات", entities: "الكيانات",
    doubtfulN: "{n} موضع شك", none: "لا شيء.",
    speaker: "القائل", noSpeaker: "بلا قائل", confidence: "الثقة", rule: "القاعدة",
    fragment: "شذرة", hidden: "مخفي من الشريط الجانبي", isDoubtful: "موضع شك",
    type: "النوع", aliases: "أسماء أخرى", mentions: "الذكر",
    accept: "اعتمد", pickSpeaker: "القائل…", hide: "أخفِ", notQuote: "ليس اقتباسا",
    rename: "أعد التسمية…", retype: "النوع…", merge: "ادمج في…", exclude: "استبعد",
    person: "شخص", organization: "منظمة", place: "مكان",
    lastChange: "آخر تعديل", noChange: "لا تعديل بعد في هذه الجلسة.",
    keys: "لوحة المفاتيح",
    kNext: "العنصر التالي / السابق", kAccept: "اعتمد", kSpeaker: "اختر القائل",
    kHide: "أخفِ الاقتباس من الشريط الجانبي", kNotQuote: "ليس اقتباسا",
    kRename: "أعد تسمية الكيان", kRetype: "غيّر نوعه", kMerge: "ادمجه في كيان آخر",
    kExclude: "استبعده", kAdd: "أضف الكلمات المحددة كيانا", kUndo: "تراجع",
    kReviewed: "علّم الموجز مراجَعا", kQueue: "العودة إلى القائمة",
    ok: "اكتب", cancel: "إلغاء",
    askSpeaker: "من القائل؟", askSpeakerHelp: "اختر اسما من أسماء الموجز أو اكتب اسما.",
    askRename: "الاسم الجديد", askRetype: "النوع الجديد", askMerge: "ادمج في",
    askMergeHelp: "اكتب للبحث في كيانات الموقع واختر واحدا.",
    askAdd: "أضف كيانا", askAddHelp: "الكلمات كما وردت في النص، ونوعها.",
    name: "الاسم", entity: "الكيان",
    saved: "كُتب في {f}.", nothing: "لا شيء يتغير.", undone: "تُرجع عنه في {f}.",
    conflict: "تغير الملف على القرص منذ تحميل الصفحة: لم يُكتب شيء. أُعيد تحميل الصفحة.",
    selectFirst: "حدد الكلمات في النص أولا.",
    entitiesBroken: "تعذرت قراءة entities.yml؛ تصحيح الكيانات متوقف حتى يُصلح:",
    warnings: "تنبيهات",
    reviewedOn: "رُوجع في {d}.", notReviewedYet: "لم يُراجع بعد.",
  },
};

function t(key, values = {}) {
  const text = WORDS[LANG][key] ?? WORDS.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ""));
}

const state = { brief: null, path: null, undo: 0, entityResults: [], queueTimer: null };
const main = document.getElementById("main");

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "class") node.className = value;
    else if (name === "text") node.textContent = value;
    else node.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children) {
    if (child !== null && child !== undefined) node.append(child);
  }
  return node;
}

function say(message, isError = false) {
  const status = document.getElementById("status");
  status.textContent = message;
  status.classList.toggle("is-error", isError);
}

async function api(method, url, body) {
  const response = await fetch(url, {
    method,
    headers: { "X-Review-Token": TOKEN, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = await response.json();
  if (!response.ok) {
    const error = new Error(data.error || response.statusText);
    error.kind = data.kind;
    throw error;
  }
  return data;
}

function confidence(value) {
  return value === null || value === undefined ? "—" : Number(value).toFixed(2);
}

// ── the queue ──

async function showQueue() {
  clearTimeout(state.queueTimer);
  state.brief = null;
  state.path = null;
  const data = await api("GET", "/api/queue");
  state.undo = data.undo;
  document.title = `${t("desk")} — Mujaz`;
  const rows = data.briefs.map((row) => el("tr", {},
    el("td", {}, el("a", { href: `#brief=${encodeURIComponent(row.path)}`, lang: row.lang,
                          dir: "auto", text: row.title })),
    el("td", { dir: "ltr", text: row.date.slice(0, 10) }),
    el("td", { text: row.doubtful === null ? t("notYet")
      : t("counts", { q: row.doubtful.quotes, e: row.doubtful.entities }),
               class: row.doubtful && (row.doubtful.quotes + row.doubtful.entities) ? "is-doubtful"
                 : null }),
    el("td", { text: row.reviewed ? t("reviewed", { d: row.reviewed }) : t("notReviewed") })));
  main.replaceChildren(
    el("h1", { text: t("briefs") }),
    el("p", { class: "help", text: t("queueHelp", { t: data.threshold }) }),
    el("table", { class: "queue" },
      el("thead", {}, el("tr", {}, ...["brief", "date", "doubtful", "state"].map(
        (key) => el("th", { scope: "col", text: t(key) })))),
      el("tbody", {}, ...rows)),
    shortcuts(["kNext"]));
  if (data.briefs.some((row) => row.doubtful === null)) {
    state.queueTimer = setTimeout(() => { if (!state.path) refreshQueue(); }, 1500);
  }
}

async function refreshQueue() {
  const focused = document.activeElement && document.activeElement.getAttribute("href");
  await showQueue();
  if (focused) {
    const again = main.querySelector(`a[href="${CSS.escape(focused)}"]`);
    if (again) again.focus();
  }
}

// ── a brief ──

async function showBrief(path, focusKey) {
  clearTimeout(state.queueTimer);
  const data = await api("GET", `/api/brief?path=${encodeURIComponent(path)}`);
  state.path = path;
  renderBrief(data, focusKey);
}

function itemKey(node) {
  return node ? `${node.dataset.kind}:${node.dataset.key}` : null;
}

function renderBrief(brief, focusKey) {
  state.brief = brief;
  state.undo = brief.undo ?? state.undo;
  document.title = `${brief.title} — ${t("desk")}`;
  const readOnly = Boolean(brief.entities_error);
  const doubtfulQuotes = brief.quotes.filter((quote) => quote.doubtful).length;
  const doubtfulEntities = brief.entities.filter((entity) => entity.doubtful).length;
  const head = el("div", { class: "brief-head" },
    el("p", {}, el("a", { href: "#", text: t("back") })),
    el("h1", { lang: brief.lang, dir: brief.dir, text: brief.title }),
    el("p", { class: "help" }, el("span", { dir: "ltr", text: brief.date }), " · ",
       brief.reviewed ? t("reviewedOn", { d: brief.reviewed }) : t("notReviewedYet")),
    el("div", { class: "actions" },
      button("mark-reviewed", t("markReviewed"), "v", () => correct("reviewed", {})),
      button("undo", t("undo"), "u", undo, state.undo === 0),
      button("add-entity", t("addEntity"), "n", addEntity, readOnly),
      button("next-brief", t("nextBrief"), "g", nextBrief)));
  const notes = [];
  if (readOnly) {
    notes.push(el("div", { class: "alert", role: "alert" },
      el("p", { text: t("entitiesBroken") }),
      el("pre", { dir: "ltr", text: brief.entities_error.message })));
  }
  if (brief.warnings.length) {
    notes.push(el("div", { class: "note" }, el("h2", { text: t("warnings") }),
      el("ul", {}, ...brief.warnings.map((warning) => el("li", { text: warning })))));
  }
  const article = el("article", { class: "text", lang: brief.lang, dir: brief.dir,
                                  "aria-label": t("text") },
    ...brief.paragraphs.map((pieces) => el("p", {}, ...pieces.map(piece))));
  const quotes = el("section", { "aria-labelledby": "quotes-title" },
    el("h2", { id: "quotes-title" }, `${t("quotes")} `,
       el("span", { class: "count", text: t("doubtfulN", { n: doubtfulQuotes }) })),
    brief.quotes.length ? el("ol", { class: "items" }, ...brief.quotes.map(quoteItem))
      : el("p", { text: t("none") }));
  const entities = el("section", { "aria-labelledby": "entities-title" },
    el("h2", { id: "entities-title" }, `${t("entities")} `,
       el("span", { class: "count", text: t("doubtfulN", { n: doubtfulEntities }) })),
    brief.entities.length
      ? el("ol", { class: "items" }, ...brief.entities.map((entity) => entityItem(entity, readOnly)))
      : el("p", { text: t("none") }));
  const diff = el("section", { class: "diff", "aria-labelledby": "diff-title" },
    el("h2", { id: "diff-title", text: t("lastChange") }),
    el("pre", { id: "diff", dir: "ltr", tabindex: "0", "aria-labelledby": "diff-title",
                text: state.lastDiff || t("noChange") }));
  main.replaceChildren(head, ...notes,
    el("div", { class: "layout" }, article,
       el("aside", { "aria-label": t("corrections") }, quotes, entities)),
    diff,
    shortcuts(["kNext", "kAccept", "kSpeaker", "kHide", "kNotQuote", "kRename", "kRetype",
               "kMerge", "kExclude", "kAdd", "kUndo", "kReviewed", "kNextBrief", "kQueue"]));
  if (focusKey) {
    const [kind, key] = focusKey.split(/:(.*)/s);
    const items = [...main.querySelectorAll(".item")];
    const again = items.find((node) => node.dataset.kind === kind && node.dataset.key === key)
      || items[Math.min(Number(state.focusIndex || 0), items.length - 1)];
    if (again) again.focus();
  }
}

function piece(part) {
  let node = document.createTextNode(part.text);
  if (part.entity !== null) {
    const entity = state.brief.entities.find((item) => item.id === part.entity);
    const type = entity ? entity.type : "entity";
    node = el("span", { class: `entity-link entity-link--${type}` +
                                (entity && entity.doubtful ? " is-doubtful" : ""),
                        "data-entity": part.entity }, node);
  }
  if (part.quote !== null) {
    const quote = state.brief.quotes.find((item) => item.number === part.quote);
    node = el("span", { class: "brief-quote" + (quote && quote.doubtful ? " is-doubtful" : ""),
                        "data-quote": String(part.quote) }, node);
  }
  return node;
}

function button(id, label, key, action, disabled = false) {
  const node = el("button", { type: "button", id, disabled, "aria-keyshortcuts": key },
    label, " ", el("kbd", { text: key }));
  node.addEventListener("click", action);
  return node;
}

function actionButton(label, key, action, disabled = false) {
  const node = el("button", { type: "button", "data-act": action, disabled,
                              "aria-keyshortcuts": key }, label, " ", el("kbd", { text: key }));
  return node;
}

function quoteItem(quote) {
  const flags = [quote.doubtful && t("isDoubtful"), quote.fragment && t("fragment"),
                 quote.hidden && t("hidden")].filter(Boolean);
  const item = el("li", {
    class: "item" + (quote.doubtful ? " is-doubtful" : ""), tabindex: "-1",
    "data-kind": "quote", "data-key": String(quote.start),
  },
  el("blockquote", { lang: state.brief.lang, dir: state.brief.dir, text: quote.text }),
  el("p", { class: "meta" },
    el("span", { class: "speaker" }, `${t("speaker")}: `,
       el("strong", { dir: "auto", text: quote.speaker || t("noSpeaker") })),
    ` · ${t("confidence")} ${confidence(quote.confidence)} · ${t("rule")} `,
    el("code", { dir: "ltr", text: quote.sieve || "—" }),
    flags.length ? ` · ${flags.join(" · ")}` : ""),
  el("div", { class: "actions" },
    actionButton(t("accept"), "a", "accept-quote"),
    actionButton(t("pickSpeaker"), "s", "speaker"),
    actionButton(t("hide"), "h", "hide", quote.hidden),
    actionButton(t("notQuote"), "x", "not-quote")));
  item.addEventListener("click", onItemClick);
  return item;
}

function entityItem(entity, readOnly) {
  const item = el("li", {
    class: "item" + (entity.doubtful ? " is-doubtful" : ""), tabindex: "-1",
    "data-kind": "entity", "data-key": entity.id,
  },
  el("p", { class: "entity-name" }, el("strong", { dir: "auto", text: entity.name }), " ",
     el("span", { class: `tag tag--${entity.type}`, text: t(entity.type) })),
  el("p", { class: "meta" },
    `${t("confidence")} ${confidence(entity.confidence)} · ${t("mentions")} ${entity.mentions}`,
    entity.aliases.length ? ` · ${t("aliases")}: ` : "",
    entity.aliases.length ? el("span", { dir: "auto", text: entity.aliases.join("، ") }) : "",
    entity.doubtful ? ` · ${t("isDoubtful")}` : "",
    el("br"), el("code", { dir: "ltr", text: entity.id })),
  el("div", { class: "actions" },
    actionButton(t("accept"), "a", "accept-entity", readOnly),
    actionButton(t("rename"), "r", "rename", readOnly),
    actionButton(t("retype"), "t", "retype", readOnly),
    actionButton(t("merge"), "m", "merge", readOnly),
    actionButton(t("exclude"), "e", "exclude", readOnly)));
  item.addEventListener("click", onItemClick);
  return item;
}

function onItemClick(event) {
  const target = event.target.closest("button[data-act]");
  if (target && !target.disabled) act(target.closest(".item"), target.dataset.act);
}

function shortcuts(keys) {
  const letters = { kNext: "j / k", kAccept: "a", kSpeaker: "s", kHide: "h", kNotQuote: "x",
                    kRename: "r", kRetype: "t", kMerge: "m", kExclude: "e", kAdd: "n",
                    kUndo: "u", kReviewed: "v", kNextBrief: "g", kQueue: "q" };
  return el("section", { class: "shortcuts", "aria-labelledby": "keys-title" },
    el("h2", { id: "keys-title", text: t("keys") }),
    el("dl", {}, ...keys.flatMap((key) => [el("dt", {}, el("kbd", { text: letters[key] })),
                                           el("dd", { text: t(key) })])));
}

// ── corrections ──

async function act(item, action) {
  if (!item || !state.brief) return;
  const kind = item.dataset.kind;
  const key = item.dataset.key;
  const entity = kind === "entity" ? state.brief.entities.find((e) => e.id === key) : null;
  const quote = kind === "quote" ? state.brief.quotes.find((q) => String(q.start) === key) : null;
  if ((kind === "quote") !== ["accept-quote", "speaker", "hide", "not-quote"].includes(action)) {
    return;
  }
  const button = item.querySelector(`button[data-act="${action}"]`);
  if (button && button.disabled) return;
  state.focusIndex = [...main.querySelectorAll(".item")].indexOf(item);
  const focusKey = itemKey(item);
  if (quote) {
    if (action === "speaker") {
      const names = state.brief.entities.filter((e) => e.type !== "place").map((e) => e.name);
      const name = await ask({ title: t("askSpeaker"), help: t("askSpeakerHelp"),
                               label: t("name"), value: quote.speaker || "", options: names });
      if (name === null) return item.focus();
      return correct("speaker", { start: quote.start, name }, focusKey);
    }
    return correct(action, { start: quote.start }, focusKey);
  }
  if (action === "rename") {
    const name = await ask({ title: t("askRename"), label: t("name"), value: entity.name });
    if (name === null) return item.focus();
    return correct("rename", { id: entity.id, name }, focusKey);
  }
  if (action === "retype") {
    const type = await ask({ title: t("askRetype"), label: t("type"), value: entity.type,
                             types: state.brief.types });
    if (type === null) return item.focus();
    return correct("retype", { id: entity.id, type }, focusKey);
  }
  if (action === "merge") {
    const into = await ask({ title: t("askMerge"), help: t("askMergeHelp"), label: t("entity"),
                             value: "", search: true });
    if (into === null) return item.focus();
    return correct("merge", { id: entity.id, into: resolveEntity(into) }, focusKey);
  }
  return correct(action, { id: entity.id }, focusKey);
}

function resolveEntity(value) {
  const typed = value.trim();
  const found = state.entityResults.find((e) => e.id === typed || e.name === typed
                                                 || `${e.name} (${e.id})` === typed);
  return found ? found.id : typed;
}

async function correct(action, params, focusKey) {
  if (!state.brief) return;
  try {
    const result = await api("POST", "/api/correct", { path: state.path, action, params,
                                                       versions: state.brief.versions });
    state.undo = result.undo;
    if (result.changed) state.lastDiff = result.diff;
    renderBrief(result.brief, focusKey);
    if (!focusKey) focusButton("mark-reviewed");
    say(result.changed ? t("saved", { f: result.file }) : t("nothing"));
  } catch (error) {
    await failed(error, focusKey);
  }
}

function focusButton(id) {
  const node = document.getElementById(id);
  if (node) node.focus();
}

async function failed(error, focusKey) {
  if (error.kind === "conflict") {
    await showBrief(state.path, focusKey);
    say(t("conflict"), true);
  } else {
    say(error.message, true);
  }
}

async function undo() {
  if (!state.brief || state.undo === 0) return;
  try {
    const result = await api("POST", "/api/undo", { path: state.path });
    state.undo = result.undo;
    state.lastDiff = result.diff;
    renderBrief(result.brief);
    focusButton(state.undo ? "undo" : "mark-reviewed");
    say(t("undone", { f: result.file }));
  } catch (error) {
    await failed(error);
  }
}

async function addEntity() {
  if (!state.brief || state.brief.entities_error) return;
  const selection = window.getSelection();
  const article = main.querySelector("article.text");
  const words = selection && selection.rangeCount && article.contains(selection.anchorNode)
    ? selection.toString().trim() : "";
  if (!words) {
    say(t("selectFirst"), true);
    return;
  }
  const answer = await ask({ title: t("askAdd"), help: t("askAddHelp"), label: t("name"),
                             value: words, types: state.brief.types, typeValue: "person" });
  if (answer === null) return;
  await correct("add-entity", { words: answer.name, type: answer.type });
}

async function nextBrief() {
  const rows = (await api("GET", "/api/queue")).briefs;
  const here = rows.findIndex((row) => row.path === state.path);
  const next = [...rows.slice(here + 1), ...rows.slice(0, Math.max(here, 0))]
    .find((row) => !row.reviewed);
  if (next) location.hash = `#brief=${encodeURIComponent(next.path)}`;
  else say(t("allReviewed"));
}

// ── the dialog ──

const dialog = document.getElementById("ask");

function field(label, control) {
  const id = control.id;
  return el("p", { class: "field" }, el("label", { for: id, text: label }), control);
}

function typeSelect(id, types, value) {
  return el("select", { id }, ...types.map((type) => el("option", { value: type,
    selected: type === value, text: `${t(type)} (${type})` })));
}

function ask({ title, help = "", label, value = "", options = null, types = null,
               typeValue = null, search = false }) {
  document.getElementById("ask-title").textContent = title;
  document.getElementById("ask-help").textContent = help;
  const fields = document.getElementById("ask-fields");
  const controls = [];
  let input = null;
  let select = null;
  if (!(types && typeValue === null)) {
    input = el("input", { id: "ask-input", type: "text", value, autocomplete: "off",
                          dir: "auto", required: true });
    controls.push(field(label, input));
    if (options || search) {
      const list = el("datalist", { id: "ask-options" });
      for (const option of options || []) list.append(el("option", { value: option }));
      input.setAttribute("list", "ask-options");
      controls.push(list);
      if (search) {
        input.addEventListener("input", () => searchEntities(input.value, list));
        searchEntities("", list);
      }
    }
  }
  if (types) {
    select = typeSelect("ask-type", types, typeValue || value);
    controls.push(field(t("type"), select));
  }
  fields.replaceChildren(...controls);
  return new Promise((resolve) => {
    const form = document.getElementById("ask-form");
    const cancel = document.getElementById("ask-cancel");
    const finish = (answer) => {
      form.removeEventListener("submit", onSubmit);
      cancel.removeEventListener("click", onCancel);
      dialog.removeEventListener("cancel", onCancel);
      dialog.close();
      resolve(answer);
    };
    const onSubmit = (event) => {
      event.preventDefault();
      if (input && !input.value.trim()) return;
      if (input && select) finish({ name: input.value.trim(), type: select.value });
      else finish(input ? input.value.trim() : select.value);
    };
    const onCancel = (event) => { event.preventDefault(); finish(null); };
    form.addEventListener("submit", onSubmit);
    cancel.addEventListener("click", onCancel);
    dialog.addEventListener("cancel", onCancel);
    dialog.showModal();
    (input || select).focus();
    if (input) input.select();
  });
}

async function searchEntities(query, list) {
  const data = await api("GET", `/api/entities?q=${encodeURIComponent(query)}`);
  state.entityResults = data.entities;
  list.replaceChildren(...data.entities.map((entity) => el("option", {
    value: entity.id, label: `${entity.name} — ${t(entity.type)}` })));
}

// ── keyboard ──

const ITEM_KEYS = { a: null, s: "speaker", h: "hide", x: "not-quote", r: "rename", t: "retype",
                    m: "merge", e: "exclude" };

function moveFocus(step) {
  const items = [...main.querySelectorAll(state.brief ? ".item" : "table.queue a")];
  if (!items.length) return;
  const current = items.findIndex((node) => node.contains(document.activeElement));
  const next = current < 0 ? (step > 0 ? 0 : items.length - 1)
    : Math.max(0, Math.min(items.length - 1, current + step));
  items[next].focus();
  items[next].scrollIntoView({ block: "nearest" });
}

document.addEventListener("keydown", (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey || dialog.open) return;
  if (event.target.closest("input, select, textarea")) return;
  const key = event.key.toLowerCase();
  if (key === "j" || key === "k") {
    event.preventDefault();
    moveFocus(key === "j" ? 1 : -1);
    return;
  }
  if (!state.brief) return;
  const item = document.activeElement && document.activeElement.closest(".item");
  if (key in ITEM_KEYS && item) {
    event.preventDefault();
    const action = key === "a"
      ? (item.dataset.kind === "quote" ? "accept-quote" : "accept-entity") : ITEM_KEYS[key];
    act(item, action);
  } else if (key === "u") {
    event.preventDefault();
    undo();
  } else if (key === "v") {
    event.preventDefault();
    correct("reviewed", {});
  } else if (key === "n") {
    event.preventDefault();
    addEntity();
  } else if (key === "g") {
    event.preventDefault();
    nextBrief();
  } else if (key === "q") {
    event.preventDefault();
    location.hash = "";
  }
});

// Clicking a highlighted name or quote in the text goes to its item in the sidebar.
main.addEventListener("click", (event) => {
  const mark = event.target.closest("[data-entity], [data-quote]");
  if (!mark || !state.brief || !window.getSelection().isCollapsed) return;
  const entity = mark.closest("[data-entity]");
  const quote = mark.closest("[data-quote]");
  let item = null;
  if (entity) item = main.querySelector(`.item[data-kind="entity"][data-key="${CSS.escape(entity.dataset.entity)}"]`);
  if (!item && quote) {
    const found = state.brief.quotes.find((q) => String(q.number) === quote.dataset.quote);
    if (found) item = main.querySelector(`.item[data-kind="quote"][data-key="${found.start}"]`);
  }
  if (item) item.focus();
});

// ── routing ──

function route() {
  const match = location.hash.match(/^#brief=(.+)$/);
  const done = match ? showBrief(decodeURIComponent(match[1])) : showQueue();
  done.then(() => {
    const heading = main.querySelector("h1");
    if (heading) {
      heading.tabIndex = -1;
      heading.focus();
    }
  }).catch((error) => say(error.message, true));
}

function chrome() {
  for (const node of document.querySelectorAll("[data-t]")) node.textContent = t(node.dataset.t);
  const other = LANG === "ar" ? "en" : "ar";
  const link = document.getElementById("lang-switch");
  link.textContent = t("other");
  link.lang = other;
  link.href = `?lang=${other}${location.hash}`;
}

window.addEventListener("hashchange", () => {
  document.getElementById("lang-switch").href =
    `?lang=${LANG === "ar" ? "en" : "ar"}${location.hash}`;
  route();
});
chrome();
route();
