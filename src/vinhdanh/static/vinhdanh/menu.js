// The header's drop-down menus are <details> elements, so they open without this script;
// it only makes them behave like menus: one open at a time, closed by Escape or by a click
// elsewhere on the page.
document.addEventListener("DOMContentLoaded", () => {
  const menus = [...document.querySelectorAll(".site-header details")];
  const closeAll = (except) => menus.forEach((menu) => {
    if (menu !== except) menu.open = false;
  });
  menus.forEach((menu) => menu.addEventListener("toggle", () => {
    if (menu.open) closeAll(menu);
  }));
  document.addEventListener("click", (event) => {
    if (!event.target.closest(".site-header details")) closeAll(null);
  });
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    const open = menus.find((menu) => menu.open);
    if (open) {
      open.open = false;
      open.querySelector("summary").focus();
    }
  });
});
