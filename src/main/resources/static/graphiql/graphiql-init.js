// Starts GraphiQL against this server's /graphql endpoint. To call operations that need a login,
// run loginPatient or loginDoctor, then put {"Authorization": "Bearer <accessToken>"} in Headers.
(function () {
    var defaultQuery = [
        '# Welcome to the Health&Med API.',
        '#',
        '# 1. Run this query (Ctrl-Enter) to list the medical specialties.',
        '# 2. Register with registerPatient, then send the code e-mailed to you (locally at',
        '#    /dev/mailbox) with your password to verifyEmailAndLogin; later, log in with',
        '#    loginPatient (see the Docs panel).',
        '# 3. Copy accessToken into the Headers tab: {"Authorization": "Bearer <accessToken>"}',
        '#    and ask for { me { name role } }.',
        '',
        'query Specialties {',
        '  specialties {',
        '    code',
        '    name',
        '  }',
        '}',
        ''
    ].join('\n');

    // Subscriptions go over graphql-ws; GraphiQL sends the Headers tab as the connection_init
    // payload, so {"Authorization": "Bearer ..."} authenticates them too.
    var wsScheme = window.location.protocol === 'https:' ? 'wss://' : 'ws://';
    var fetcher = GraphiQL.createFetcher({
        url: window.location.origin + '/graphql',
        subscriptionUrl: wsScheme + window.location.host + '/graphql'
    });
    var root = ReactDOM.createRoot(document.getElementById('graphiql'));
    root.render(React.createElement(GraphiQL, {
        fetcher: fetcher,
        defaultQuery: defaultQuery,
        headerEditorEnabled: true,
        shouldPersistHeaders: false
    }));
})();
