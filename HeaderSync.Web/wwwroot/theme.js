// Remembers the portal's light or dark theme in this browser for a year; the server reads it
// when it renders the next page, so a reload shows the chosen theme from its first paint.
window.headerSync = window.headerSync || {};
window.headerSync.rememberTheme = function (theme) {
    document.cookie = "HeaderSync.Theme=" + theme + "; path=/; max-age=31536000; samesite=lax";
};
