// kg serve: the workbench's one script. Plain DOM code, no library; every value is set as text.
"use strict";

// Sortable, paged result tables.
function kgTable(table) {
  const tbody = table.tBodies[0];
  const rows = Array.from(tbody.rows);
  const tools = table.previousElementSibling;
  const pager = table.nextElementSibling;
  const sizeSelect = tools && tools.querySelector(".page-size");
  const irisBox = tools && tools.querySelector(".show-iris");
  let page = 0;

  function pageSize() { return sizeSelect ? parseInt(sizeSelect.value, 10) : 50; }

  function render() {
    const size = pageSize();
    const pages = size > 0 ? Math.max(1, Math.ceil(rows.length / size)) : 1;
    page = Math.min(page, pages - 1);
    rows.forEach((row, i) => {
      const shown = size <= 0 || (i >= page * size && i < (page + 1) * size);
      row.classList.toggle("paged-out", !shown);
    });
    if (!pager) return;
    pager.textContent = "";
    if (pages <= 1) return;
    const add = (label, target, current) => {
      const b = document.createElement("button");
      b.type = "button";
      b.textContent = label;
      if (current) b.setAttribute("aria-current", "page");
      b.addEventListener("click", () => { page = target; render(); });
      pager.appendChild(b);
    };
    if (page > 0) add("‹", page - 1, false);
    for (let p = 0; p < pages; p++) {
      if (p === 0 || p === pages - 1 || Math.abs(p - page) <= 3) add(String(p + 1), p, p === page);
      else if (Math.abs(p - page) === 4) { const s = document.createElement("span"); s.textContent = "…"; pager.appendChild(s); }
    }
    if (page < pages - 1) add("›", page + 1, false);
  }

  function cellValue(row, index) {
    const text = row.cells[index] ? row.cells[index].textContent : "";
    return text;
  }

  Array.from(table.tHead.rows[0].cells).forEach((th, index) => {
    const button = th.querySelector("button.sort");
    if (!button) return;
    button.addEventListener("click", () => {
      const ascending = th.getAttribute("aria-sort") !== "ascending";
      Array.from(table.tHead.rows[0].cells).forEach((other) => other.removeAttribute("aria-sort"));
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      const numeric = th.classList.contains("number") || th.classList.contains("line");
      rows.sort((a, b) => {
        const x = cellValue(a, index), y = cellValue(b, index);
        const c = numeric ? (parseFloat(x || "0") - parseFloat(y || "0")) : x.localeCompare(y, "zh");
        return ascending ? c : -c;
      });
      rows.forEach((row) => tbody.appendChild(row));
      page = 0;
      render();
    });
  });
  if (sizeSelect) sizeSelect.addEventListener("change", () => { page = 0; render(); });
  if (irisBox) irisBox.addEventListener("change", () => table.classList.toggle("show-iris", irisBox.checked));
  render();
}

// Suggestions for name fields, from /api/names.
function kgSuggest(input) {
  const list = input.list;
  if (!list) return;
  let timer = null;
  let last = "";
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const q = input.value.trim();
      if (!q || q === last) return;
      last = q;
      const params = new URLSearchParams({ q: q, limit: "15" });
      if (input.dataset.suggest) params.set("type", input.dataset.suggest);
      try {
        const response = await fetch("/api/names?" + params.toString(), { headers: { Accept: "application/json" } });
        if (!response.ok) return;
        const names = await response.json();
        list.textContent = "";
        for (const n of names) {
          const option = document.createElement("option");
          option.value = n.name;
          option.label = [n.type].concat(n.labels.filter((l) => l !== n.name)).join(" · ");
          list.appendChild(option);
        }
      } catch (e) {
        // no suggestions this time; the field still works
      }
    }, 150);
  });
}

// The SPARQL editor: an example fills the text box.
function kgEditor(form) {
  const select = form.querySelector("#example");
  const textarea = form.querySelector("#query");
  const texts = document.getElementById("example-texts");
  if (!select || !textarea || !texts) return;
  select.addEventListener("change", () => {
    const pre = Array.from(texts.content.querySelectorAll("pre")).find((p) => p.dataset.name === select.value);
    if (pre) textarea.value = pre.textContent;
  });
}

document.querySelectorAll("table.results").forEach(kgTable);
document.querySelectorAll("input[data-suggest]").forEach(kgSuggest);
document.querySelectorAll("form.editor").forEach(kgEditor);
window.kgReady = true;
