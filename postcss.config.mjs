// Tailwind CSS for the public site's stylesheet; files without Tailwind directives (the admin's) pass through.
export default {
  plugins: { '@tailwindcss/postcss': {} },
}
