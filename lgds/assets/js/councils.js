/* Councils list: filter by name, nation, region, type and status. Without this script the list
   is still complete and grouped; the filter form stays hidden so no one meets controls that do nothing. */
(function () {
  function setUp() {
    var form = document.querySelector(".lgds-council-filters");
    if (!form) return;
    var groups = Array.prototype.slice.call(document.querySelectorAll(".lgds-council-group"));
    var count = form.querySelector(".lgds-filter-count");
    var total = 0;
    groups.forEach(function (g) { total += g.querySelectorAll("tbody tr").length; });
    function value(name) { return form.elements[name].value; }
    function apply() {
      var name = value("name").trim().toLowerCase();
      var nation = value("nation"), region = value("region"), type = value("type"), status = value("status");
      var shown = 0;
      groups.forEach(function (g) {
        var inArea = (!nation || g.dataset.nation === nation) && (!region || g.dataset.region === region);
        var visible = 0;
        g.querySelectorAll("tbody tr").forEach(function (row) {
          var cells = row.cells;
          var ok = inArea &&
            (!name || cells[0].textContent.toLowerCase().indexOf(name) !== -1) &&
            (!type || cells[1].textContent.trim() === type) &&
            (!status || cells[2].textContent.trim() === status);
          row.hidden = !ok;
          if (ok) visible += 1;
        });
        g.hidden = visible === 0;
        shown += visible;
      });
      count.textContent = "Showing " + shown + " of " + total + " councils.";
    }
    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    form.hidden = false;
    apply();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
