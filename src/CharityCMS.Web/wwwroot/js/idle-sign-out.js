// Signs a staff member out after a set time without typing, clicking, touching or scrolling, so a
// client's record left open on a shared computer does not stay on screen. The form (with its
// antiforgery token and the idle time) is rendered by the layout for signed-in pages only.
(function () {
    let lastActivity = Date.now();
    for (const name of ["keydown", "mousedown", "mousemove", "touchstart", "scroll", "wheel"]) {
        document.addEventListener(name, () => { lastActivity = Date.now(); }, { passive: true, capture: true });
    }

    setInterval(() => {
        const form = document.getElementById("idle-sign-out");
        const seconds = form ? Number(form.dataset.idleSeconds) : 0;
        if (seconds > 0 && Date.now() - lastActivity > seconds * 1000) {
            form.removeAttribute("id");
            form.submit();
        }
    }, 1000);
})();
