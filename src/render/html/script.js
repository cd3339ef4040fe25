(function () {
  var root = document.documentElement;
  var filters = document.getElementById("filters");
  if (filters) {
    filters.hidden = false;
    filters.addEventListener("change", function (event) {
      var box = event.target;
      root.classList.toggle("hide-" + box.value, !box.checked);
    });
  }
  document.addEventListener("click", function (event) {
    var mark = event.target.closest("mark[data-d]");
    if (mark && !event.target.closest("a")) location.hash = mark.getAttribute("data-d");
  });
})();
