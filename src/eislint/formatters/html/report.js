(function () {
  "use strict";
  // Progressive enhancement: without this script the CSS filters the findings; with it, empty
  // requirements and sections are hidden too and a live region says how many are shown.
  document.documentElement.classList.add("js");
  var form = document.getElementById("filter");
  if (!form) { return; }
  var status = document.getElementById("filter-status");
  var findings = Array.prototype.slice.call(document.querySelectorAll(".finding"));
  var groups = Array.prototype.slice.call(document.querySelectorAll(".req, .section, .document, .rule-card"));

  function checked(name) {
    var out = {};
    Array.prototype.forEach.call(form.querySelectorAll("input[name=" + name + "]"), function (box) {
      out[box.value] = box.checked;
    });
    return out;
  }

  function apply() {
    var severity = checked("ernst");
    var category = checked("categorie");
    var shown = 0;
    findings.forEach(function (item) {
      var visible = severity[item.dataset.severity] !== false && category[item.dataset.category] !== false;
      item.hidden = !visible;
      if (visible) { shown += 1; }
    });
    groups.forEach(function (group) {
      if (group.classList.contains("rule-card")) {
        group.hidden = severity[group.dataset.severity] === false || category[group.dataset.category] === false;
        return;
      }
      if (!group.querySelector(".finding")) { return; }  // a document without findings stays
      group.hidden = !group.querySelector(".finding:not([hidden])");
    });
    var total = findings.length;
    status.textContent = shown === total
      ? "Alle " + total + " meldingen worden getoond."
      : shown + " van de " + total + " meldingen worden getoond.";
  }

  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  apply();
})();
