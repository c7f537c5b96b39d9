// Hover and filtering for the annotated source and the record catalogue
// (docs/_ext/pages.py).  The pages read fully without this script; it loads nothing.
"use strict";

(function () {
  function words(value) {
    return (value || "").split(" ").filter(Boolean);
  }

  function sourcePage(root) {
    var marks = Array.prototype.slice.call(root.querySelectorAll("mark"));
    marks.forEach(function (mark) {
      mark.addEventListener("mouseenter", function () {
        var ids = words(mark.dataset.records);
        marks.forEach(function (other) {
          var shared = words(other.dataset.records).some(function (id) {
            return ids.indexOf(id) !== -1;
          });
          other.classList.toggle("uj-hover", shared);
        });
      });
      mark.addEventListener("mouseleave", function () {
        marks.forEach(function (other) { other.classList.remove("uj-hover"); });
      });
    });
    var kinds = [];
    marks.forEach(function (mark) {
      words(mark.dataset.kinds).forEach(function (kind) {
        if (kinds.indexOf(kind) === -1) { kinds.push(kind); }
      });
    });
    var controls = document.createElement("div");
    controls.className = "uj-controls";
    controls.setAttribute("role", "group");
    controls.setAttribute("aria-label", "Show the passages cited by");
    kinds.forEach(function (kind) {
      var label = document.createElement("label");
      var box = document.createElement("input");
      box.type = "checkbox";
      box.checked = true;
      box.value = kind;
      box.addEventListener("change", update);
      label.appendChild(box);
      label.appendChild(document.createTextNode(" " + kind));
      controls.appendChild(label);
    });
    root.parentNode.insertBefore(controls, root);

    function update() {
      var shown = Array.prototype.slice.call(controls.querySelectorAll("input"))
        .filter(function (box) { return box.checked; })
        .map(function (box) { return box.value; });
      root.classList.toggle("uj-filtered", shown.length !== kinds.length);
      marks.forEach(function (mark) {
        var on = words(mark.dataset.kinds).some(function (k) { return shown.indexOf(k) !== -1; });
        mark.classList.toggle("uj-shown", on);
      });
      root.querySelectorAll("sup.uj-cites a").forEach(function (link) {
        var id = link.getAttribute("href").split("#")[1];
        var on = marks.some(function (mark) {
          return mark.classList.contains("uj-shown") && words(mark.dataset.records).indexOf(id) !== -1;
        });
        link.classList.toggle("uj-shown", on);
      });
    }
  }

  function cataloguePage(entries) {
    var first = entries[0];
    var kinds = [];
    entries.forEach(function (entry) {
      var kind = entry.closest("section:not(.uj-record)");
      if (kind && kinds.indexOf(kind) === -1) { kinds.push(kind); }
    });
    var box = document.createElement("input");
    box.type = "search";
    box.placeholder = "Filter the records: any word of an id, a field or a quote";
    box.setAttribute("aria-label", "Filter the records");
    var controls = document.createElement("div");
    controls.className = "uj-controls";
    controls.appendChild(box);
    (kinds[0] || first).insertAdjacentElement("beforebegin", controls);
    box.addEventListener("input", function () {
      var wanted = words(box.value.toLowerCase());
      entries.forEach(function (entry) {
        var text = entry.textContent.toLowerCase();
        var on = wanted.every(function (word) { return text.indexOf(word) !== -1; });
        entry.classList.toggle("uj-hidden", !on);
      });
      kinds.forEach(function (kind) {
        kind.classList.toggle("uj-hidden", !kind.querySelector("section.uj-record:not(.uj-hidden)"));
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var source = document.getElementById("uj-source");
    if (source) { sourcePage(source); }
    var entries = Array.prototype.slice.call(document.querySelectorAll("section.uj-record"));
    if (entries.length) { cataloguePage(entries); }
  });
})();
