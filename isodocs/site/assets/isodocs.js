// isodocs: click a column heading of the document register to sort by it.
function isodocsSortable() {
  document.querySelectorAll(".isodocs-register table").forEach(function (table) {
    table.querySelectorAll("th").forEach(function (heading, column) {
      heading.onclick = function () {
        var body = table.tBodies[0];
        var direction = heading.dataset.sort === "asc" ? -1 : 1;
        heading.dataset.sort = direction === 1 ? "asc" : "desc";
        Array.from(body.rows)
          .sort(function (a, b) {
            return direction * a.cells[column].textContent.trim().localeCompare(
              b.cells[column].textContent.trim(), undefined, { numeric: true });
          })
          .forEach(function (row) { body.appendChild(row); });
      };
    });
  });
}
if (typeof document$ !== "undefined") { document$.subscribe(isodocsSortable); }
else { document.addEventListener("DOMContentLoaded", isodocsSortable); }
