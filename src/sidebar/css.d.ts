// Lets main.tsx import styles.css: esbuild inlines it into dist/Sidebar.html.
declare module '*.css';
